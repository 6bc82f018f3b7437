import Foundation
import Testing
@testable import CVKit

@Suite struct SanityInitialLossCheckTests {
    @Test func freshNetworkStartsNearLnC() throws {
        let data = try SanityFixtures.wineData()
        let network = try Network<Float>(config: data.config, seed: data.networkSeed)
        let result = InitialLossCheck.evaluate(network: network, features: data.features, labels: data.labels)
        #expect(result.passed, "\(result)")
        #expect(result.name == "initial-loss" && result.advice.isEmpty)
        let loss = try #require(Double(result.observed))
        #expect(abs(loss - log(3)) < InitialLossCheck.tolerance)
    }

    /// Large output weights make the untrained network confidently wrong: the check must fail and say why.
    @Test func largeLastLayerFails() throws {
        let data = try SanityFixtures.wineData()
        let network = try Network<Float>(config: data.config, seed: data.networkSeed)
        let output = try #require(network.layout.layers.last).weight
        var values = network.parameterValues
        for i in output { values[i] *= 300 }
        network.parameterValues = values
        let result = InitialLossCheck.evaluate(network: network, features: data.features, labels: data.labels)
        #expect(!result.passed)
        #expect(try #require(Double(result.observed)) > log(3) + InitialLossCheck.tolerance)
        #expect(result.advice.contains("last layer"))
    }

    /// A network that already knows the labels starts far below ln C: that fails too (leakage).
    @Test func lossFarBelowLnCFails() throws {
        let config = NetworkConfig(inputs: 2, classes: 2, hidden: [])
        let network = try Network<Float>(config: config, seed: 0)
        // Output weights that map feature 0 straight to the class: logits ±20.
        network.parameterValues = [20, -20, 0, 0, 0, 0]
        let result = InitialLossCheck.evaluate(network: network, features: [1, 0, -1, 0], labels: [0, 1])
        #expect(!result.passed)
        #expect(result.advice.contains("leakage"))
    }
}
