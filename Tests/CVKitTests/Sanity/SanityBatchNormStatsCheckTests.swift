import Foundation
import Testing
@testable import CVKit

@Suite struct SanityBatchNormStatsCheckTests {
    @Test func firstLayerIsNormalized() throws {
        let data = try SanityFixtures.wineData()
        let network = try Network<Float>(config: data.config, seed: data.networkSeed)
        let batch = data.batch(BatchNormStatsCheck.batchRows)
        let result = BatchNormStatsCheck.evaluate(network: network, features: batch.features, labels: batch.labels)
        #expect(result.passed && result.advice.isEmpty, "\(result)")
        #expect(result.observed.contains("16 units"))
    }

    /// The accessor returns γ·x̂ + β: with γ = 2 and β = 3 the mean is 3 and the sd 2, and the check fails.
    @Test func movedGammaAndBetaAreSeen() throws {
        let data = try SanityFixtures.wineData()
        let network = try Network<Float>(config: data.config, seed: data.networkSeed)
        let first = try #require(network.layout.layers.first)
        var values = network.parameterValues
        for i in try #require(first.gamma) { values[i] = 2 }
        for i in try #require(first.beta) { values[i] = 3 }
        network.parameterValues = values
        _ = network.loss(features: data.features, labels: data.labels, training: true)
        let out = try #require(network.hiddenValues(layer: 0, batch: data.rowCount).afterBatchNorm)
        let column = stride(from: 0, to: out.count, by: 16).map { Double(out[$0]) }
        let mean = column.reduce(0, +) / Double(column.count)
        let sd = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)).squareRoot()
        #expect(abs(mean - 3) < 1e-4 && abs(sd - 2) < 1e-3)
        #expect(!BatchNormStatsCheck.evaluate(network: network, features: data.features, labels: data.labels).passed)
    }

    /// Identical rows give units with no variance over the batch: sd 0, the check fails and says why.
    @Test func identicalRowsFail() throws {
        let config = NetworkConfig(inputs: 3, classes: 2, hidden: [4])
        let network = try Network<Float>(config: config, seed: 1)
        let result = BatchNormStatsCheck.evaluate(network: network, features: Array(repeating: [0.5, -1, 2], count: 6).flatMap { $0 },
                                                  labels: [0, 1, 0, 1, 0, 1])
        #expect(!result.passed)
        #expect(result.advice.contains("4 of 4 units"))
    }

    @Test(arguments: [([16], false, "--no-batchnorm"), ([], true, "softmax regression")])
    func notApplicableWithoutBatchNorm(hidden: [Int], batchNorm: Bool, reason: String) throws {
        let network = try Network<Float>(config: NetworkConfig(inputs: 3, classes: 2, hidden: hidden, batchNorm: batchNorm), seed: 1)
        let result = BatchNormStatsCheck.evaluate(network: network, features: [1, 2, 3, 4, 5, 6], labels: [0, 1])
        #expect(result.passed)
        #expect(result.observed.hasPrefix("not applicable") && result.observed.contains(reason))
    }
}
