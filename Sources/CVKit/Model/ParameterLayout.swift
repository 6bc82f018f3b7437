/// Where each layer's tensors live in the network's flat buffers (llm.c style).
///
/// All trainable values are one contiguous array (and their gradients another, with the same
/// layout), so the optimizer is one loop, L2 is a list of ranges and a snapshot is one copy.
/// BatchNorm's running statistics are not trained and live in a buffer of their own.
struct ParameterLayout: Sendable, Equatable {
    struct Layer: Sendable, Equatable {
        var inputs: Int
        var outputs: Int
        var weight: Range<Int>
        var bias: Range<Int>?
        var gamma: Range<Int>?
        var beta: Range<Int>?
        var runningMean: Range<Int>?
        var runningVariance: Range<Int>?
        var batchNorm: Bool { gamma != nil }
    }

    var layers: [Layer] = []
    var parameterCount = 0
    var statisticsCount = 0

    init(_ config: NetworkConfig) {
        let widths = [config.inputs] + config.hidden + [config.classes]
        for index in 0..<(widths.count - 1) {
            let inputs = widths[index], outputs = widths[index + 1]
            let isOutput = index == widths.count - 2
            let normalized = !isOutput && config.batchNorm
            var layer = Layer(inputs: inputs, outputs: outputs, weight: take(inputs * outputs))
            if normalized {
                layer.gamma = take(outputs)
                layer.beta = take(outputs)
                layer.runningMean = statisticsCount..<statisticsCount + outputs
                layer.runningVariance = statisticsCount + outputs..<statisticsCount + 2 * outputs
                statisticsCount += 2 * outputs
            } else {
                layer.bias = take(outputs)
            }
            layers.append(layer)
        }
    }

    private mutating func take(_ count: Int) -> Range<Int> {
        defer { parameterCount += count }
        return parameterCount..<parameterCount + count
    }

    /// The ranges that L2 applies to: every Dense weight matrix.
    var weightRanges: [Range<Int>] { layers.map(\.weight) }
}
