import Foundation
import Testing
@testable import CVKit

@Suite struct SanityGradientCheckTests {
    func batch(_ data: SanityData) -> ([Double], [Int32]) {
        let small = data.batch(GradientCheck.batchRows)
        return (small.features.map(Double.init), small.labels)
    }

    @Test(arguments: [([16, 8], true, 0.0), ([16, 8], false, 0.1), ([], false, 0.0)])
    func passesOnTheRealBackwardPass(hidden: [Int], batchNorm: Bool, l2: Double) throws {
        let data = try SanityFixtures.wineData(hidden: hidden, batchNorm: batchNorm, l2: l2)
        let network = try Network<Double>(config: data.config, seed: data.networkSeed)
        let (x, y) = batch(data)
        let result = GradientCheck.evaluate(network: network, features: x, labels: y, sampleSeed: 1)
        #expect(result.passed, "\(result)")
        // Small networks are checked whole.
        #expect(result.observed.contains("of \(NumberText.grouped(network.parameterCount)) parameters") && !result.observed.contains("sampled"))
    }

    /// Analytic gradients with an l2 term that the loss does not have: the check catches the wrong term.
    @Test func catchesAWrongGradient() throws {
        let data = try SanityFixtures.wineData()
        var penalized = data.config
        penalized.l2 = 0.5
        let wrong = try Network<Double>(config: penalized, seed: data.networkSeed)
        let network = try Network<Double>(config: data.config, seed: data.networkSeed)
        let (x, y) = batch(data)
        let analytic = wrong.lossAndGradients(features: x, labels: y).gradients
        let indices = GradientCheck.parameterIndices(network.layout, seed: 1)
        let measured = GradientCheck.measure(network: network, features: x, labels: y, analytic: analytic, indices: indices)
        #expect(measured.worst > 1e-2)
        let right = network.lossAndGradients(features: x, labels: y).gradients
        #expect(GradientCheck.measure(network: network, features: x, labels: y, analytic: right, indices: indices).worst < GradientCheck.tolerance)
        // The probes leave the weights as they were.
        #expect(network.parameterValues == (try Network<Double>(config: data.config, seed: data.networkSeed)).parameterValues)
    }

    /// A large network is sampled: about `sampleSize` parameters, from every tensor, the same for the same seed.
    @Test func largeNetworksAreSampledFromEveryTensor() throws {
        let layout = ParameterLayout(NetworkConfig(inputs: 64, classes: 10, hidden: [128, 64]))
        let a = GradientCheck.parameterIndices(layout, seed: 7)
        #expect(a == GradientCheck.parameterIndices(layout, seed: 7))
        #expect(a != GradientCheck.parameterIndices(layout, seed: 8))
        #expect(a.count >= GradientCheck.sampleSize && a.count < 2 * GradientCheck.sampleSize)
        #expect(Set(a).count == a.count && a == a.sorted())
        for tensor in GradientCheck.tensors(layout) { #expect(a.contains { tensor.range.contains($0) }, "\(tensor.name)") }
        let small = ParameterLayout(NetworkConfig(inputs: 4, classes: 3, hidden: [8]))
        #expect(GradientCheck.parameterIndices(small, seed: 7) == Array(0..<small.parameterCount))
    }

    /// A step that flips a ReLU is skipped, not counted as an error: weights put one pre-activation
    /// exactly at the kink.
    @Test func kinksAreSkipped() throws {
        let config = NetworkConfig(inputs: 1, classes: 2, hidden: [1], batchNorm: false)
        let network = try Network<Double>(config: config, seed: 0)
        // Layout: W1 (1), b1 (1), W2 (2), b2 (2). Pre-activation of row 0 is W1 · 1 + b1 = 0.
        network.parameterValues = [1, -1, 1, -1, 0, 0]
        let x: [Double] = [1, 3], y: [Int32] = [0, 1]
        let analytic = network.lossAndGradients(features: x, labels: y).gradients
        let measured = GradientCheck.measure(network: network, features: x, labels: y, analytic: analytic, indices: Array(0..<6))
        #expect(measured.skippedAtKinks == 2)
        #expect(measured.checked == 4 && measured.worst < GradientCheck.tolerance)
    }
}
