import Foundation
import Testing
@testable import CVKit

@Suite struct NetworkTests {
    /// Dense(no bias) → BN → ReLU → Dense(+b) → softmax-CE + L2, against torch autograd.
    @Test func matchesPyTorchMLP() throws {
        let ref = try Reference("mlp_reference")
        let config = NetworkConfig(inputs: 4, classes: 3, hidden: [5], batchNorm: true, l2: ref.scalar("l2"))
        let network = try Network<Float>(config: config, seed: 0)
        // Layout: W1 (4×5), γ1, β1, W2 (5×3), b2.
        let values = ["W1", "gamma1", "beta1", "W2", "b2"].flatMap { ref.values($0) }.map(Float.init)
        #expect(values.count == network.parameterCount)
        network.parameterValues = values
        let x = ref.values("X").map(Float.init), y = ref.values("y").map { Int32($0) }
        let (dataLoss, loss) = network.loss(features: x, labels: y, training: true)
        #expect(abs(Double(dataLoss) - ref.scalar("data_loss")) < 1e-4)
        #expect(abs(Double(loss) - ref.scalar("loss")) < 1e-4)
        let probabilities = Array(network.lastProbabilities(batch: 6))
        #expect(maxAbsoluteDifference(probabilities, ref.values("probs")) < 1e-4)
        let (_, gradients) = network.lossAndGradients(features: x, labels: y)
        let expected = ["dW1", "dgamma1", "dbeta1", "dW2", "db2"].flatMap { ref.values($0) }
        #expect(maxAbsoluteDifference(gradients, expected) < 1e-4, "max diff \(maxAbsoluteDifference(gradients, expected))")
    }

    @Test func initialLossIsNearLnC() throws {
        var random = RandomSource(seed: 3)
        let x = (0..<256 * 20).map { _ in Float(random.nextGaussian()) }
        let y = (0..<256).map { _ in Int32(random.nextInt(below: 10)) }
        for seed in UInt64(0)..<5 {
            let network = try Network<Float>(config: NetworkConfig(inputs: 20, classes: 10), seed: seed)
            let loss = Double(network.loss(features: x, labels: y, training: true).dataLoss)
            #expect(abs(loss - log(10)) < 0.05, "seed \(seed): initial loss \(loss)")
        }
    }

    /// `--init torch`: every weight and the output bias inside ±1/√fan_in, spread as U(−b, b)
    /// (variance b²/3), hidden layers still without bias, γ 1 and β 0; the default is unchanged.
    @Test func torchInitializationDrawsPyTorchsUniformBounds() throws {
        let config = NetworkConfig(inputs: 100, classes: 10, hidden: [128, 64], initialization: .torch)
        let network = try Network<Float>(config: config, seed: 9)
        let values = network.parameterValues
        for layer in network.layout.layers {
            let bound = Float(1 / Double(layer.inputs).squareRoot())
            let weights = layer.weight.map { values[$0] }
            #expect(weights.allSatisfy { abs($0) <= bound })
            let variance = weights.map { Double($0 * $0) }.reduce(0, +) / Double(weights.count)
            #expect(abs(variance / Double(bound * bound / 3) - 1) < 0.1, "variance \(variance)")
            if let bias = layer.bias {
                #expect(bias.allSatisfy { abs(values[$0]) <= bound } && bias.contains { values[$0] != 0 })
            }
            if let gamma = layer.gamma, let beta = layer.beta {
                #expect(gamma.allSatisfy { values[$0] == 1 } && beta.allSatisfy { values[$0] == 0 })
            }
        }
        #expect(network.layout.layers.last?.bias != nil && network.layout.layers.first?.bias == nil)
        #expect(try Network<Float>(config: config, seed: 9).parameterValues == values)
        var he = config
        he.initialization = .he
        let heNetwork = try Network<Float>(config: he, seed: 9), heValues = heNetwork.parameterValues
        let output = try #require(heNetwork.layout.layers.last)
        #expect(output.weight.allSatisfy { abs(heValues[$0]) < 0.08 })  // N(0, 0.01²)
    }

    /// A configuration's initialization survives coding, the default included.
    @Test func initializationRoundTrips() throws {
        for initialization in Initialization.allCases {
            let config = NetworkConfig(inputs: 3, classes: 2, initialization: initialization)
            #expect(try JSONDecoder().decode(NetworkConfig.self, from: try JSONEncoder().encode(config)) == config)
        }
    }

    @Test func countsParametersAndFLOPs() throws {
        let config = NetworkConfig(inputs: 64, classes: 10, hidden: [128, 64])
        let network = try Network<Float>(config: config, seed: 0)
        // 64·128 + 2·128 + 128·64 + 2·64 + 64·10 + 10
        #expect(network.parameterCount == 8192 + 256 + 8192 + 128 + 640 + 10)
        #expect(config.forwardFLOPsPerSample == 2 * (8192 + 8192 + 640))
        #expect(config.parameterCount == network.parameterCount)
        let plain = NetworkConfig(inputs: 4, classes: 3, hidden: [5], batchNorm: false)
        #expect(try Network<Float>(config: plain, seed: 0).parameterCount == 20 + 5 + 15 + 3)
    }

    @Test func invalidConfigurationsThrow() {
        for config in [NetworkConfig(inputs: 0, classes: 3), NetworkConfig(inputs: 2, classes: 1),
                       NetworkConfig(inputs: 2, classes: 3, hidden: [0]), NetworkConfig(inputs: 2, classes: 3, l2: -1)] {
            #expect { try Network<Float>(config: config, seed: 0) } throws: { ($0 as? CVKitError)?.kind == .invalidArgument }
        }
    }

    @Test func inferenceUsesRunningStatistics() throws {
        let network = try Network<Double>(config: NetworkConfig(inputs: 2, classes: 2, hidden: [3]), seed: 1)
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let before = network.probabilities(features: x)
        _ = network.loss(features: x, labels: [0, 1, 0, 1], training: true, updateRunning: true)
        let after = network.probabilities(features: x)
        #expect(before != after)
        // Chunked inference agrees with one pass.
        let many = (0..<5000).flatMap { [Double($0 % 7), Double($0 % 3)] }
        let probabilities = network.probabilities(features: many)
        #expect(probabilities.count == 10_000)
        #expect(Array(probabilities[0..<4]) == network.probabilities(features: Array(many[0..<4])))
    }
}
