import Foundation

/// The hyperparameters to search and how to draw each one.
///
/// Written `name=distribution` pairs separated by spaces, e.g.
/// `lr=log(1e-4,1e-1) l2=log(1e-6,1e-2) hidden=choice(64|128,64) batch=choice(32|64|128) epochs=int(10,40)`.
/// Distributions, with `u` uniform in [0, 1):
/// - `log(a,b)`: log-uniform — the exponent is uniform, `10^(log₁₀a + (log₁₀b − log₁₀a)·u)`, so each
///   decade gets as many trials (learning rates, L2 strengths);
/// - `uniform(a,b)`: `a + (b − a)·u`;
/// - `int(a,b)`: an integer in a…b, each equally likely;
/// - `logint(a,b)`: an integer in a…b on a log scale, `⌊exp(ln a + (ln(b + 1) − ln a)·u)⌋` clipped to
///   b, so 1…10 gets about as many draws as 10…100 (layer widths, epochs; 1 ≤ a);
/// - `choice(x|y|z)`: one of the listed values, each equally likely (`grid` takes every one);
/// - `oml(a,b)`: one-minus-log-uniform, for averaging rates such as β: `1 − β` is log-uniform in
///   [1 − b, 1 − a], so 0.9 → 0.99 gets as many trials as 0.99 → 0.999.
/// Parameters: `lr`, `l2`, `hidden` (widths joined by `,`; `none` for softmax regression), `layers` and
/// `units` (equal-width hidden layers, used together), `batch`, `epochs`, `optimizer`, `beta1`, `beta2`.
public struct SearchSpace: Sendable, Equatable, Codable {
    public enum Distribution: Sendable, Equatable, Codable {
        case logUniform(Double, Double)
        case uniform(Double, Double)
        case integer(Int, Int)
        case logInteger(Int, Int)
        case choice([String])
        case oneMinusLog(Double, Double)

        /// Whether a range exists to narrow (coarse-to-fine) and to plot against.
        public var isNumeric: Bool { if case .choice = self { false } else { true } }
        public var isLogScale: Bool {
            switch self {
            case .logUniform, .oneMinusLog, .logInteger: true
            default: false
            }
        }
    }

    public struct Parameter: Sendable, Equatable, Codable {
        public var name: String
        public var distribution: Distribution
    }

    /// The parameters a space can draw: the model's (`ModelSpecification.Parameter`).
    public static let names = ModelSpecification.Parameter.allCases.map(\.rawValue)

    public var parameters: [Parameter]

    public init(parameters: [Parameter]) { self.parameters = parameters }

    public init(parsing text: String) throws {
        var parameters: [Parameter] = []
        for item in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw SearchSpace.error("\"\(item)\" is not name=distribution") }
            let name = parts[0]
            guard SearchSpace.names.contains(name) else {
                throw SearchSpace.error("unknown parameter \"\(name)\"; known: \(SearchSpace.names.joined(separator: ", "))")
            }
            guard !parameters.contains(where: { $0.name == name }) else { throw SearchSpace.error("\"\(name)\" is given twice") }
            parameters.append(Parameter(name: name, distribution: try SearchSpace.distribution(parts[1], for: name)))
        }
        guard !parameters.isEmpty else { throw SearchSpace.error("the space is empty") }
        if parameters.contains(where: { $0.name == "hidden" }) && parameters.contains(where: { $0.name == "layers" || $0.name == "units" }) {
            throw SearchSpace.error("give either hidden=… or layers=… units=…, not both")
        }
        self.parameters = parameters
    }

    static func distribution(_ text: String, for name: String) throws -> Distribution {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            throw error("\(name)=\(text): expected log(a,b), uniform(a,b), int(a,b), logint(a,b), choice(x|y) or oml(a,b)")
        }
        let kind = String(text[..<open])
        let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        if kind == "choice" {
            let values = inside.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard !values.isEmpty, !values.contains(where: \.isEmpty) else { throw error("\(name)=\(text): empty choice") }
            for value in values { _ = try SearchConfig.check(name: name, value: value) }
            return .choice(values)
        }
        let bounds = inside.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard bounds.count == 2, let a = bounds[0], let b = bounds[1], a.isFinite, b.isFinite, a < b else {
            throw error("\(name)=\(text): expected two numbers a < b")
        }
        switch kind {
        case "log":
            guard a > 0 else { throw error("\(name)=\(text): log needs a > 0") }
            return .logUniform(a, b)
        case "uniform": return .uniform(a, b)
        case "int":
            guard a == a.rounded(), b == b.rounded() else { throw error("\(name)=\(text): int needs whole numbers") }
            return .integer(Int(a), Int(b))
        case "logint":
            guard a == a.rounded(), b == b.rounded(), a >= 1 else { throw error("\(name)=\(text): logint needs whole numbers 1 ≤ a < b") }
            return .logInteger(Int(a), Int(b))
        case "oml":
            guard a >= 0, b < 1 else { throw error("\(name)=\(text): oml needs 0 ≤ a < b < 1") }
            return .oneMinusLog(a, b)
        default:
            throw error("\(name)=\(text): unknown distribution \"\(kind)\"")
        }
    }

    static func error(_ message: String) -> CVKitError { .invalidArgument("search space: " + message) }

    /// One draw of every parameter (in the space's order).
    public func sample(_ random: inout RandomSource) -> [String: String] {
        var values: [String: String] = [:]
        for parameter in parameters {
            let u = random.nextDouble()
            switch parameter.distribution {
            case .logUniform(let a, let b): values[parameter.name] = SearchConfig.format(pow(10, log10(a) + (log10(b) - log10(a)) * u))
            case .uniform(let a, let b): values[parameter.name] = SearchConfig.format(a + (b - a) * u)
            case .integer(let a, let b): values[parameter.name] = String(a + min(Int(u * Double(b - a + 1)), b - a))
            case .logInteger(let a, let b):
                let x = exp(log(Double(a)) + (log(Double(b + 1)) - log(Double(a))) * u)
                values[parameter.name] = String(min(max(Int(x.rounded(.down)), a), b))
            case .choice(let options): values[parameter.name] = options[min(Int(u * Double(options.count)), options.count - 1)]
            case .oneMinusLog(let a, let b):
                let low = log10(1 - b), high = log10(1 - a)
                values[parameter.name] = SearchConfig.format(1 - pow(10, low + (high - low) * u))
            }
        }
        return values
    }

    /// Every combination of the listed values (grid search); all parameters must be `choice`.
    public func grid() throws -> [[String: String]] {
        var combinations: [[String: String]] = [[:]]
        for parameter in parameters {
            guard case .choice(let options) = parameter.distribution else {
                throw SearchSpace.error("grid search needs choice(…) for every parameter; \(parameter.name) is a range (use --method random)")
            }
            combinations = combinations.flatMap { partial in options.map { var next = partial; next[parameter.name] = $0; return next } }
        }
        return combinations
    }

    /// The space narrowed around `best` configurations (coarse-to-fine): each numeric range
    /// becomes the span of the best values widened by an eighth of the old width on each side (on
    /// the log scale for log parameters, of 1 − β for oml), clipped to the old range. Choices stay.
    public func narrowed(around best: [[String: String]]) -> SearchSpace {
        SearchSpace(parameters: parameters.map { parameter in
            let values = best.compactMap { $0[parameter.name].flatMap(Double.init) }
            guard !values.isEmpty else { return parameter }
            func narrow(_ a: Double, _ b: Double, _ transform: (Double) -> Double, _ inverse: (Double) -> Double) -> (Double, Double) {
                let ta = transform(a), tb = transform(b)
                let (lo, hi) = (min(ta, tb), max(ta, tb))
                let points = values.map(transform)
                let pad = (hi - lo) / 8
                let newLo = max(lo, (points.min() ?? lo) - pad), newHi = min(hi, (points.max() ?? hi) + pad)
                let x = inverse(newLo), y = inverse(newHi)
                return (min(x, y), max(x, y))
            }
            var copy = parameter
            switch parameter.distribution {
            case .logUniform(let a, let b):
                let (x, y) = narrow(a, b, log10, { pow(10, $0) })
                copy.distribution = .logUniform(x, y)
            case .uniform(let a, let b):
                let (x, y) = narrow(a, b, { $0 }, { $0 })
                copy.distribution = .uniform(x, y)
            case .integer(let a, let b):
                let (x, y) = narrow(Double(a), Double(b), { $0 }, { $0 })
                copy.distribution = .integer(Int(x.rounded(.down)), max(Int(x.rounded(.down)), Int(y.rounded(.up))))
            case .logInteger(let a, let b):
                let (x, y) = narrow(Double(a), Double(b), log10, { pow(10, $0) })
                let low = max(a, Int(x.rounded(.down)))
                copy.distribution = .logInteger(low, max(low, min(b, Int(y.rounded(.up)))))
            case .oneMinusLog(let a, let b):
                let (x, y) = narrow(a, b, { log10(1 - $0) }, { 1 - pow(10, $0) })
                copy.distribution = .oneMinusLog(x, y)
            case .choice: break
            }
            return copy
        })
    }

    /// Why this space cannot be searched from `base`, or nil: a draw of `batch=1` while the
    /// network has BatchNorm (a batch of one row has no variance: every batch would be skipped).
    public func problem(base: RunSettings) -> String? {
        guard let batch = parameters.first(where: { $0.name == "batch" }) else { return nil }
        // BatchNorm sits in hidden layers: a network without any (and a space that cannot add one) has none.
        let drawsHidden = parameters.contains { $0.name == "hidden" || $0.name == "layers" }
        guard base.network.batchNorm, !base.network.hidden.isEmpty || drawsHidden else { return nil }
        let drawsOne: Bool
        switch batch.distribution {
        case .choice(let options): drawsOne = options.contains { Double($0) == 1 }
        case .integer(let a, _), .logInteger(let a, _): drawsOne = a <= 1
        case .logUniform(let a, _), .uniform(let a, _), .oneMinusLog(let a, _): drawsOne = a < 2
        }
        return drawsOne ? "search space: \(SearchSpace(parameters: [batch]).description) can draw a batch size of 1, and BatchNorm trains nothing on a batch of one row. "
            + "Start the batch range at 2, or search with --no-batchnorm" : nil
    }

    /// `lr=log(0.0001,0.1) …`, for reports.
    public var description: String {
        parameters.map { parameter in
            let body: String
            switch parameter.distribution {
            case .logUniform(let a, let b): body = "log(\(SearchConfig.format(a)),\(SearchConfig.format(b)))"
            case .uniform(let a, let b): body = "uniform(\(SearchConfig.format(a)),\(SearchConfig.format(b)))"
            case .integer(let a, let b): body = "int(\(a),\(b))"
            case .logInteger(let a, let b): body = "logint(\(a),\(b))"
            case .choice(let options): body = "choice(\(options.joined(separator: "|")))"
            case .oneMinusLog(let a, let b): body = "oml(\(SearchConfig.format(a)),\(SearchConfig.format(b)))"
            }
            return "\(parameter.name)=\(body)"
        }.joined(separator: " ")
    }
}
