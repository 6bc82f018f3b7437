import Foundation

/// Check 2, `regularization-raises-loss`: adding l2 to the untrained network raises its loss, by
/// exactly the penalty.
///
/// The total loss is `cross-entropy + l2/2 · Σ W²` over the Dense weights (not biases, γ, β). Two
/// networks with the same weights and running statistics, one with l2 = 0 and one with
/// `l2 = strength`, see the same batch in training mode; the difference of their total losses must
/// be > 0 and equal `strength/2 · Σ W²` computed here in Float64 from the weights.
///
/// Tolerance: a relative `1e-3 + N · 2⁻²⁴` plus 8 Float32 ulps of the loss. The network adds the N
/// squares one by one in Float32, and recursive summation of positive terms can be off by up to
/// (N − 1) · 2⁻²⁴ relative (Higham, *Accuracy and Stability of Numerical Algorithms*, §4.2) — and
/// is, in practice, biased low: 0.07 % for 600,000 He-initialized weights, 0.6 % for 3.7 million.
/// The ulps cover the rounding of the two totals. A penalty missing the ½ (50 %), applied to γ
/// as well (≈ 50 % with BatchNorm), or missing a hidden layer (a third or more) still fails for
/// networks up to a few million weights.
enum RegularizationCheck {
    static let tolerance = 1e-3
    static let ulps = 8.0

    /// The relative tolerance for `weights` Dense weights: `1e-3 + N · 2⁻²⁴`.
    static func relativeTolerance(weights: Int) -> Double { tolerance + Double(weights) * 0x1p-24 }

    /// The l2 to test with: the configured one when it is positive and its penalty shows above
    /// Float32 rounding of the loss, else 1 (the penalty of a correct network then stands far
    /// above rounding).
    static func strength(configured: Double, network: Network<Float>, loss: Double) -> Double {
        guard configured > 0 else { return 1 }
        return configured / 2 * squaredWeights(network) > 100 * ulps * resolution(loss) ? configured : 1
    }

    /// Σ W² over the Dense weights, in Float64.
    static func squaredWeights(_ network: Network<Float>) -> Double {
        let values = network.parameterValues
        return network.layout.weightRanges.reduce(0.0) { sum, range in range.reduce(sum) { $0 + Double(values[$1]) * Double(values[$1]) } }
    }

    /// One Float32 ulp at `value`.
    static func resolution(_ value: Double) -> Double { Double(Float(abs(value)).ulp) }

    static func evaluate(network: Network<Float>, configured: Double, features: [Float], labels: [Int32]) throws -> SanityCheckResult {
        var plainConfig = network.config
        plainConfig.l2 = 0
        let plain = try Network<Float>(config: plainConfig, seed: 0)
        plain.parameterValues = network.parameterValues
        plain.runningStatistics = network.runningStatistics
        let without = Double(plain.loss(features: features, labels: labels, training: true).loss)
        let strength = strength(configured: configured, network: network, loss: without)
        var penalizedConfig = network.config
        penalizedConfig.l2 = strength
        let penalized = try Network<Float>(config: penalizedConfig, seed: 0)
        penalized.parameterValues = network.parameterValues
        penalized.runningStatistics = network.runningStatistics
        let with = Double(penalized.loss(features: features, labels: labels, training: true).loss)

        let squares = squaredWeights(network)
        let penalty = strength / 2 * squares
        let difference = with - without
        let weights = network.layout.weightRanges.reduce(0) { $0 + $1.count }
        let relative = relativeTolerance(weights: weights)
        let allowed = relative * penalty + ulps * resolution(max(abs(with), abs(without)))
        let passed = difference.isFinite && difference > 0 && abs(difference - penalty) <= allowed
        let l2 = Shell.number(strength)
        var advice = ""
        if !passed {
            advice = squares == 0
                ? "Every Dense weight is zero, so l2 has nothing to penalize: the weights were not initialized."
                : "Adding l2 = \(l2) should raise the loss by l2/2·ΣW² = \(SanityFormat.g4(penalty)); it changed it by \(SanityFormat.g4(difference)). "
                    + "The penalty is missing from the loss, scaled wrong (the ½), or summed over the wrong tensors (Dense weights only)."
        }
        let why = strength == configured ? "" : (configured > 0
            ? " (the configured l2 = \(Shell.number(configured)) adds less than Float32 resolves, so 1 is used)"
            : " (the configured l2 is 0, so 1 is used)")
        return SanityCheckResult(
            name: .regularizationRaisesLoss, passed: passed,
            expected: "rises by l2/2·ΣW² = \(SanityFormat.g4(penalty)) (l2 = \(l2))",
            observed: "\(SanityFormat.f4(without)) → \(SanityFormat.f4(with)) (\(String(format: "%+.4g", difference)))", advice: advice,
            details: "Total loss (cross-entropy + l2/2·ΣW² over the Dense weights) of the untrained network on \(labels.count) rows, with l2 = 0 "
                + "and with l2 = \(l2)\(why). The rise must equal the penalty computed independently in Float64, within a relative "
                + "\(SanityFormat.g2(relative)) (1e-3 + N·2⁻²⁴ for N = \(NumberText.grouped(weights)) weights: the network sums the squares "
                + "in Float32) plus \(Int(ulps)) Float32 ulps of the loss.")
    }
}
