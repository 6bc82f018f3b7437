import Foundation

/// Check 5, `lr-sweep`: a few epochs at each of `rates` (log-spaced 1e-5 … 1, half a decade
/// apart), each from the same initial weights and batch order, with the configured optimizer,
/// batch size and l2, on the whole training part.
///
/// The loss is the training-mode cross-entropy on the measurement batch before and after (no l2
/// term, so rates compare directly). The relative decrease `d = (before − after) / before` sorts
/// each rate into one verdict:
/// - `diverges`: training hit a non-finite loss, or the loss rose by more than 1 %;
/// - `barely moves`: |d| ≤ 1 % — too slow to see in a few epochs (a change that small is noise);
/// - `falls`: d > 1 %; the fastest rate is the one with the largest d.
/// The *good band* is the run of adjacent falling rates around the fastest. The check passes when
/// some rate makes the loss fall; it warns (in `observed` and `advice`, still passing) when the
/// configured rate lies outside the band: below it training crawls, above it it is near divergence.
enum LearningRateSweep {
    static let rates: [Double] = (0...10).map { pow(10, -5 + 0.5 * Double($0)) }
    static let threshold = 0.01

    enum Verdict: String, Sendable, Codable {
        case falls, barelyMoves = "barely moves", diverges
    }

    /// One rate of the sweep: the loss after training (nil when not finite) and its verdict.
    struct Point: Sendable, Equatable, Codable {
        var lr: Double
        var loss: Double?
        var decrease: Double?
        var verdict: Verdict
        var fastest: Bool
    }

    struct Sweep: Sendable, Equatable {
        var initialLoss: Double
        var epochs: Int
        var points: [Point]
        /// The lowest and highest rates of the good band, or nil when no rate makes the loss fall.
        var band: ClosedRange<Double>?
    }

    static func run(config: NetworkConfig, networkSeed: UInt64, batchSeed: UInt64, training: TrainingOptions, epochs: Int,
                    features: [Float], labels: [Int32], measurement: (features: [Float], labels: [Int32]), rates: [Double] = rates) throws -> Sweep {
        let initial = try Network<Float>(config: config, seed: networkSeed)
        let before = Double(initial.loss(features: measurement.features, labels: measurement.labels, training: true).dataLoss)
        var points: [Point] = []
        for rate in rates {
            let network = try Network<Float>(config: config, seed: networkSeed)
            var options = training
            options.epochs = epochs
            options.learningRate = rate
            options.schedule = .constant
            options.patience = nil
            let history = try Trainer(options: options).train(network, features: features, labels: labels, seed: batchSeed)
            let after = history.diverged ? Double.nan : Double(network.loss(features: measurement.features, labels: measurement.labels, training: true).dataLoss)
            points.append(classify(lr: rate, before: before, after: after))
        }
        return finish(initialLoss: before, epochs: epochs, points: points)
    }

    static func classify(lr: Double, before: Double, after: Double) -> Point {
        guard after.isFinite, before.isFinite, before > 0 else { return Point(lr: lr, loss: after.isFinite ? after : nil, decrease: nil, verdict: .diverges, fastest: false) }
        let decrease = (before - after) / before
        let verdict: Verdict = decrease < -threshold ? .diverges : (decrease <= threshold ? .barelyMoves : .falls)
        return Point(lr: lr, loss: after, decrease: decrease, verdict: verdict, fastest: false)
    }

    /// Marks the fastest rate and finds the good band around it.
    static func finish(initialLoss: Double, epochs: Int, points: [Point]) -> Sweep {
        var points = points
        var sweep = Sweep(initialLoss: initialLoss, epochs: epochs, points: points, band: nil)
        let falling = points.indices.filter { points[$0].verdict == .falls }
        guard let fastest = falling.max(by: { (points[$0].decrease ?? 0, -$0) < (points[$1].decrease ?? 0, -$1) }) else { return sweep }
        points[fastest].fastest = true
        var low = fastest, high = fastest
        while low > 0 && points[low - 1].verdict == .falls { low -= 1 }
        while high < points.count - 1 && points[high + 1].verdict == .falls { high += 1 }
        sweep.points = points
        sweep.band = points[low].lr...points[high].lr
        return sweep
    }

    static func evaluate(_ sweep: Sweep, configuredRate: Double) -> SanityCheckResult {
        let r = SanityFormat.rate
        func span(_ verdict: Verdict) -> String {
            let rates = sweep.points.filter { $0.verdict == verdict }.map(\.lr)
            guard let first = rates.first, let last = rates.last else { return "none" }
            return first == last ? r(first) : "\(r(first))…\(r(last))"
        }
        let fastest = sweep.points.first(where: \.fastest)
        var parts = ["barely moves \(span(.barelyMoves))", "fastest \(fastest.map { r($0.lr) } ?? "none")", "diverges \(span(.diverges))"]
        var advice = ""
        if let band = sweep.band {
            let good = "good band \(r(band.lowerBound))…\(r(band.upperBound))"
            if configuredRate < band.lowerBound {
                parts.append("\(good); warning: --lr \(r(configuredRate)) is below it")
                advice = "The configured --lr \(r(configuredRate)) is below the rates where the loss falls within \(sweep.epochs) epochs: "
                    + "training will crawl. Try --lr \(r(band.lowerBound)) or more, up to the fastest, \(r(fastest?.lr ?? band.lowerBound))."
            } else if configuredRate > band.upperBound {
                parts.append("\(good); warning: --lr \(r(configuredRate)) is above it")
                advice = "The configured --lr \(r(configuredRate)) is above the rates where the loss falls steadily: expect divergence or "
                    + "a loss that bounces. Try --lr \(r(fastest?.lr ?? band.upperBound)) or lower."
            } else {
                parts.append("--lr \(r(configuredRate)) inside \(good)")
            }
        } else {
            advice = "No learning rate from \(r(sweep.points.first?.lr ?? 0)) to \(r(sweep.points.last?.lr ?? 0)) lowers the loss within \(sweep.epochs) epochs: "
                + "the gradients do not reach the weights (see gradient-check), or the data carries no signal. Check the labels."
        }
        return SanityCheckResult(
            name: .learningRateSweep, passed: sweep.band != nil,
            expected: "the loss falls at some rate in \(r(sweep.points.first?.lr ?? 0))…\(r(sweep.points.last?.lr ?? 0))",
            observed: parts.joined(separator: " · "), advice: advice,
            details: "\(sweep.points.count) log-spaced rates, \(sweep.epochs) epochs each from the same initial weights and batch order, with the "
                + "configured optimizer, batch size and l2; the training-mode loss on the measurement batch is compared before and after. "
                + "Falls: more than 1 % lower; barely moves: within 1 %; diverges: non-finite or more than 1 % higher. "
                + "The good band is the run of falling rates around the fastest.")
    }
}
