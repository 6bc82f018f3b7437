import Foundation
import Testing
@testable import CVKit

/// Numeric gradient checks in Float64: central differences `(f(θ + h) − f(θ − h)) / 2h` with
/// `h = 1e-6` against the analytic gradients. In Double the truncation error is O(h²) ≈ 1e-12 and
/// the rounding error ≈ 1e-16 / h ≈ 1e-10, so with curvature a relative error up to ~1e-6 is noise and one above 1e-5 is a bug.
/// (In Float32 the same check can only promise ≈ 1e-2, too loose to catch a wrong term.)
@Suite struct GradientCheckTests {
    static let tolerance = 1e-5

    /// max |a − n| / max(|a|, |n|, 1e-4) over every parameter (the floor keeps gradients that are
    /// zero up to rounding from dividing noise by noise).
    func relativeError(network: Network<Double>, features: [Double], labels: [Int32]) -> Double {
        let (_, analytic) = network.lossAndGradients(features: features, labels: labels)
        var worst = 0.0
        var values = network.parameterValues
        let h = 1e-5
        for i in values.indices {
            let saved = values[i]
            values[i] = saved + h
            network.parameterValues = values
            let plus = network.loss(features: features, labels: labels, training: true).loss
            values[i] = saved - h
            network.parameterValues = values
            let minus = network.loss(features: features, labels: labels, training: true).loss
            values[i] = saved
            network.parameterValues = values
            let numeric = (plus - minus) / (2 * h)
            let e = abs(analytic[i] - numeric) / max(abs(analytic[i]), abs(numeric), 1e-4)
            worst = max(worst, e)
        }
        return worst
    }

    func data(rows: Int, inputs: Int, classes: Int, seed: UInt64) -> ([Double], [Int32]) {
        var random = RandomSource(seed: seed)
        let x = (0..<rows * inputs).map { _ in random.nextGaussian() }
        let y = (0..<rows).map { Int32($0 % classes) }
        return (x, y)
    }

    @Test(arguments: [
        ([], false, 0.0),           // softmax regression: Dense + softmax-CE
        ([], false, 0.1),           // + L2
        ([7], false, 0.0),          // Dense → ReLU → Dense
        ([7], true, 0.0),           // Dense → BatchNorm → ReLU → Dense
        ([6, 5], true, 0.05),       // the whole network with L2
        ([6, 5], false, 0.05),
    ])
    func analyticGradientsMatchNumericOnes(hidden: [Int], batchNorm: Bool, l2: Double) throws {
        let config = NetworkConfig(inputs: 4, classes: 3, hidden: hidden, batchNorm: batchNorm, l2: l2)
        let network = try Network<Double>(config: config, seed: 11)
        // Larger output weights than the default N(0, 0.01²), so every term matters.
        network.parameterValues = network.parameterValues.enumerated().map { $1 == 0 ? 0.1 * sin(Double($0)) : $1 * 3 + 0.01 }
        let (x, y) = data(rows: 9, inputs: 4, classes: 3, seed: 5)
        let error = relativeError(network: network, features: x, labels: y)
        #expect(error < GradientCheckTests.tolerance, "relative error \(error)")
    }

    /// A broken gradient is caught: the check is not vacuous.
    @Test func detectsAWrongGradient() throws {
        let network = try Network<Double>(config: NetworkConfig(inputs: 3, classes: 2, hidden: [4], l2: 0.5), seed: 1)
        let (x, y) = data(rows: 6, inputs: 3, classes: 2, seed: 2)
        let (_, analytic) = network.lossAndGradients(features: x, labels: y)
        var values = network.parameterValues
        let h = 1e-6
        values[0] += h
        network.parameterValues = values
        let plus = network.loss(features: x, labels: y, training: true).loss
        values[0] -= 2 * h
        network.parameterValues = values
        let minus = network.loss(features: x, labels: y, training: true).loss
        let numeric = (plus - minus) / (2 * h)
        // Dropping the L2 term (0.5 · W) would be visible.
        values[0] += h
        let withoutL2 = analytic[0] - 0.5 * values[0]
        #expect(abs(analytic[0] - numeric) < 1e-7)
        #expect(abs(withoutL2 - numeric) > 1e-4)
    }
}
