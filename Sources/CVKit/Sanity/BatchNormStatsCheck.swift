import Foundation

/// Check 6, `batchnorm-stats`: in training mode the first BatchNorm layer's output has, per unit,
/// batch mean ≈ 0 and (biased) standard deviation ≈ 1.
///
/// At initialization γ = 1 and β = 0, so the output `γ · x̂ + β` is x̂ itself. Normalizing with the
/// batch mean and the biased batch variance gives mean 0 up to rounding and sd `√(σ² / (σ² + ε))`,
/// ε = 1e-5: within 0.05 of 1 whenever the unit's pre-activation variance σ² exceeds ≈ 1e-4. The
/// bounds `|mean| < 0.01` and `|sd − 1| < 0.05` therefore catch a normalization over the wrong
/// axis, the unbiased variance used where the biased belongs, ε misplaced, and units whose inputs
/// barely vary over the batch (constant or duplicated features) — all of which leave BatchNorm
/// dividing noise by noise. Measured on up to `batchRows` training rows in one forward pass.
/// Without BatchNorm (or without hidden layers) there is nothing to check: the check passes and
/// says it does not apply.
enum BatchNormStatsCheck {
    static let meanTolerance = 0.01
    static let sdTolerance = 0.05
    static let batchRows = 256

    static func evaluate(network: Network<Float>, features: [Float], labels: [Int32]) -> SanityCheckResult {
        let expected = "|mean| < \(meanTolerance), |sd − 1| < \(sdTolerance) per unit"
        let rows = labels.count
        guard network.config.batchNorm, let width = network.config.hidden.first else {
            let why = network.config.hidden.isEmpty ? "no hidden layer (softmax regression)" : "no BatchNorm layer (--no-batchnorm)"
            return SanityCheckResult(
                name: .batchNormStats, passed: true, expected: expected, observed: "not applicable: \(why)",
                details: "The network has \(why), so there are no BatchNorm statistics to check; the check passes without measuring anything.")
        }
        _ = network.loss(features: features, labels: labels, training: true)
        let values = network.hiddenValues(layer: 0, batch: rows).afterBatchNorm ?? []
        var worstMean = 0.0, worstSD = 0.0, failing = 0
        var worstUnit: (unit: Int, mean: Double, sd: Double)?
        for unit in 0..<width {
            var mean = 0.0
            for row in 0..<rows { mean += Double(values[row * width + unit]) }
            mean /= Double(rows)
            var squares = 0.0
            for row in 0..<rows {
                let d = Double(values[row * width + unit]) - mean
                squares += d * d
            }
            let sd = (squares / Double(rows)).squareRoot()
            let bad = !(abs(mean) < meanTolerance) || !(abs(sd - 1) < sdTolerance)
            if bad {
                failing += 1
                if worstUnit == nil || abs(sd - 1) > abs((worstUnit?.sd ?? 1) - 1) { worstUnit = (unit, mean, sd) }
            }
            worstMean = max(worstMean, abs(mean).isNaN ? .infinity : abs(mean))
            worstSD = max(worstSD, abs(sd - 1).isNaN ? .infinity : abs(sd - 1))
        }
        let passed = failing == 0 && !values.isEmpty
        var advice = ""
        if let worst = worstUnit {
            advice = "\(failing) of \(width) units are not normalized (unit \(worst.unit + 1): mean \(SanityFormat.g2(worst.mean)), "
                + "sd \(SanityFormat.g2(worst.sd))). A sd far below 1 means the unit's input barely varies over the batch: look for constant "
                + "or duplicated features, or batches of near-identical rows; otherwise BatchNorm's forward pass is wrong."
        }
        return SanityCheckResult(
            name: .batchNormStats, passed: passed, expected: expected,
            observed: "max |mean| \(SanityFormat.g2(worstMean)), max |sd − 1| \(SanityFormat.g2(worstSD)) (\(width) units, \(rows) rows)",
            advice: advice,
            details: "One training-mode forward pass of \(rows) training rows through the untrained network; per unit, the mean and sd "
                + "(divisor n, as BatchNorm uses) of the first BatchNorm layer's output γ·x̂ + β (γ = 1, β = 0 at initialization). Normalization makes the mean 0 and "
                + "the sd √(σ²/(σ² + 1e-5)), within \(sdTolerance) of 1 unless the unit's input variance σ² is below ≈ 1e-4.")
    }
}
