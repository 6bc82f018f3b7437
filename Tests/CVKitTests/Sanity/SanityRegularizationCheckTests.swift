import Foundation
import Testing
@testable import CVKit

@Suite struct SanityRegularizationCheckTests {
    @Test func l2RaisesTheLossByThePenalty() throws {
        let data = try SanityFixtures.wineData()
        let network = try Network<Float>(config: data.config, seed: data.networkSeed)
        let result = try RegularizationCheck.evaluate(network: network, configured: 0, features: data.features, labels: data.labels)
        #expect(result.passed, "\(result)")
        #expect(result.expected.contains("(l2 = 1)"))
        let penalty = 0.5 * RegularizationCheck.squaredWeights(network)
        #expect(result.expected.contains(String(format: "%.4g", penalty)))
    }

    @Test func theConfiguredL2IsUsedWhenItShows() throws {
        let data = try SanityFixtures.wineData()
        let network = try Network<Float>(config: data.config, seed: data.networkSeed)
        let result = try RegularizationCheck.evaluate(network: network, configured: 0.01, features: data.features, labels: data.labels)
        #expect(result.passed && result.expected.contains("(l2 = 0.01)"), "\(result)")
        // Too small to move a Float32 loss: 1 is used instead, and the details say so.
        let tiny = try RegularizationCheck.evaluate(network: network, configured: 1e-12, features: data.features, labels: data.labels)
        #expect(tiny.passed && tiny.expected.contains("(l2 = 1)") && tiny.details.contains("1e-12"), "\(tiny)")
    }

    /// With every weight zero there is nothing to penalize: the loss does not rise and the check fails.
    @Test func zeroWeightsFail() throws {
        let data = try SanityFixtures.wineData()
        let network = try Network<Float>(config: data.config, seed: data.networkSeed)
        var values = network.parameterValues
        for range in network.layout.weightRanges { for i in range { values[i] = 0 } }
        network.parameterValues = values
        let result = try RegularizationCheck.evaluate(network: network, configured: 0, features: data.features, labels: data.labels)
        #expect(!result.passed)
        #expect(result.advice.contains("zero"))
    }
}
