import Foundation

/// Check 3, `gradient-check`: the analytic gradients (backward pass) agree with numeric ones.
///
/// On a Float64 twin of the network — the same generic code, architecture, l2 and initial weights
/// (same seed; Float32 and Float64 draw the same numbers) — and a batch of `batchRows` training
/// rows in training mode, each checked parameter θᵢ gets the central difference
/// `nᵢ = (L(θ + h·eᵢ) − L(θ − h·eᵢ)) / 2h`, `h = 1e-5`, and the relative error
/// `|aᵢ − nᵢ| / max(|aᵢ|, |nᵢ|, 1e-4)` (the floor keeps gradients that are zero up to rounding from
/// dividing noise by noise). The check passes when the largest error is below 1e-5: in Float64
/// the truncation error is O(h²) ≈ 1e-10 and the rounding error ≈ 1e-16 / h ≈ 1e-11, so with
/// curvature errors up to ~1e-6 are noise and one above 1e-5 is a wrong term. (Float32 could
/// only promise ≈ 1e-2, too loose to catch one.)
///
/// Every parameter is checked when there are at most `exhaustiveLimit`; otherwise a seeded sample
/// of about `sampleSize`, drawn from every tensor (at least `perTensor` from each, or all of it).
/// A parameter whose ±h step flips a ReLU on or off is skipped: the loss has a kink there and the
/// numeric derivative is meaningless (CS231n's "kinks"). If more than a tenth are skipped the
/// check fails, since it would no longer say much.
enum GradientCheck {
    static let step = 1e-5
    static let tolerance = 1e-5
    static let floor = 1e-4
    static let batchRows = 8
    static let exhaustiveLimit = 2_000
    static let sampleSize = 500
    static let perTensor = 20
    static let maxSkippedShare = 0.1

    struct Measurement: Equatable {
        var worst = 0.0
        var worstIndex: Int?
        var checked = 0
        var skippedAtKinks = 0
    }

    static func evaluate(network: Network<Double>, features: [Double], labels: [Int32], sampleSeed: UInt64) -> SanityCheckResult {
        let indices = parameterIndices(network.layout, seed: sampleSeed)
        let analytic = network.lossAndGradients(features: features, labels: labels).gradients
        let m = measure(network: network, features: features, labels: labels, analytic: analytic, indices: indices)
        let total = network.parameterCount
        let sampled = indices.count < total
        let tooManySkipped = Double(m.skippedAtKinks) > maxSkippedShare * Double(indices.count)
        let passed = m.worst.isFinite && m.worst < tolerance && !tooManySkipped && m.checked > 0
        var observed = "max \(SanityFormat.g2(m.worst)) on \(m.checked) of \(NumberText.grouped(total)) parameters" + (sampled ? " (sampled)" : "")
        if m.skippedAtKinks > 0 { observed += "; \(m.skippedAtKinks) skipped at ReLU kinks" }
        let worstName = m.worstIndex.map { tensorName(of: $0, in: network.layout) } ?? "—"
        var advice = ""
        if !passed {
            advice = tooManySkipped || m.checked == 0
                ? "\(m.skippedAtKinks) of \(indices.count) parameters sit at a ReLU kink on this batch, too many for the check to mean much: "
                    + "try another --seed."
                : "The backward pass disagrees with the loss (worst at \(worstName)): a term of the gradient is wrong or missing. "
                    + "Do not train with it; compare the failing layer's backward formula with its forward pass."
        }
        return SanityCheckResult(
            name: .gradientCheck, passed: passed,
            expected: "max relative error < \(SanityFormat.g2(tolerance)) (Float64)",
            observed: observed, advice: advice,
            details: "Central differences (L(θ + h) − L(θ − h)) / 2h against the backward pass, h = \(SanityFormat.g2(step)), relative error |a − n| / max(|a|, |n|, 1e-4), "
                + "on a Float64 copy of the network (same code, same initial weights) and \(labels.count) training rows in training mode. "
                + "In Float64 rounding and truncation errors are ~1e-10, so an error above \(SanityFormat.g2(tolerance)) is a wrong term. "
                + (sampled ? "The network has \(NumberText.grouped(total)) parameters: a seeded sample of \(indices.count), from every tensor, is checked. "
                           : "Every parameter is checked. ")
                + "Parameters whose ±h step flips a ReLU are skipped (the loss has a kink there).")
    }

    /// The parameters to check: all, or a seeded sample from every tensor, sorted.
    static func parameterIndices(_ layout: ParameterLayout, seed: UInt64) -> [Int] {
        guard layout.parameterCount > exhaustiveLimit else { return Array(0..<layout.parameterCount) }
        var random = RandomSource(seed: seed)
        var chosen: [Int] = []
        for tensor in tensors(layout) {
            let share = Int((Double(sampleSize) * Double(tensor.range.count) / Double(layout.parameterCount)).rounded())
            let take = min(tensor.range.count, max(perTensor, share))
            var members = Array(tensor.range)
            random.shuffle(&members)
            chosen += members.prefix(take)
        }
        return chosen.sorted()
    }

    /// Compares `analytic` with central differences at `indices`, skipping kinks. Leaves the
    /// network's parameters as it found them.
    static func measure(network: Network<Double>, features: [Double], labels: [Int32], analytic: [Double], indices: [Int]) -> Measurement {
        _ = network.loss(features: features, labels: labels, training: true)
        let base = reluPattern(network, rows: labels.count)
        var m = Measurement()
        for i in indices {
            let saved = network.parameters[i]
            network.parameters[i] = saved + step
            let plus = network.loss(features: features, labels: labels, training: true).loss
            let plusPattern = reluPattern(network, rows: labels.count)
            network.parameters[i] = saved - step
            let minus = network.loss(features: features, labels: labels, training: true).loss
            let minusPattern = reluPattern(network, rows: labels.count)
            network.parameters[i] = saved
            if plusPattern != base || minusPattern != base {
                m.skippedAtKinks += 1
                continue
            }
            let numeric = (plus - minus) / (2 * step)
            let error = abs(analytic[i] - numeric) / max(abs(analytic[i]), abs(numeric), floor)
            m.checked += 1
            if !(error <= m.worst) && !m.worst.isNaN {  // a NaN error, once seen, stays the worst
                m.worst = error
                m.worstIndex = i
            }
        }
        return m
    }

    /// Which hidden units are on (ReLU output > 0) for each row, after the last forward pass.
    static func reluPattern(_ network: Network<Double>, rows: Int) -> [Bool] {
        (0..<network.config.hidden.count).flatMap { network.hiddenValues(layer: $0, batch: rows).afterReLU.map { $0 > 0 } }
    }

    /// The network's tensors in layout order, named for reports ("Dense 1 weights", "BatchNorm 1 γ").
    static func tensors(_ layout: ParameterLayout) -> [(name: String, range: Range<Int>)] {
        layout.layers.enumerated().flatMap { index, layer -> [(name: String, range: Range<Int>)] in
            var list = [(name: "Dense \(index + 1) weights", range: layer.weight)]
            if let bias = layer.bias { list.append((name: "Dense \(index + 1) bias", range: bias)) }
            if let gamma = layer.gamma { list.append((name: "BatchNorm \(index + 1) γ", range: gamma)) }
            if let beta = layer.beta { list.append((name: "BatchNorm \(index + 1) β", range: beta)) }
            return list
        }
    }

    static func tensorName(of index: Int, in layout: ParameterLayout) -> String {
        guard let tensor = tensors(layout).first(where: { $0.range.contains(index) }) else { return "parameter \(index)" }
        return "\(tensor.name) [\(index - tensor.range.lowerBound)]"
    }
}
