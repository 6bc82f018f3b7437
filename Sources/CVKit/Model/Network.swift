/// The batch-normalized softmax classifier: flat parameter buffers, preallocated workspace, and
/// forward/backward passes built from `Dense`, `BatchNorm`, `ReLU` and `SoftmaxCrossEntropy`.
///
/// Initialization (seeded, `RandomSource`; `Initialization`): by default hidden Dense weights
/// He-normal `N(0, 2 / fan_in)` for ReLU; the output layer `N(0, 0.01²)` so the initial logits are
/// near zero and the initial loss is ≈ ln C; biases and β 0, γ 1; running mean 0, running
/// variance 1 (as PyTorch). `.torch` draws PyTorch's `nn.Linear` defaults instead.
///
/// A `Network` is used by one task at a time (it is not thread-safe); `reserve(batch:)` sizes the
/// workspace once, after which the training and prediction passes allocate nothing.
public final class Network<S: BLASScalar> {
    public let config: NetworkConfig
    let layout: ParameterLayout
    let parameters: UnsafeMutableBufferPointer<S>
    let gradients: UnsafeMutableBufferPointer<S>
    let statistics: UnsafeMutableBufferPointer<S>

    /// Per-class weights of the training loss (one per class; empty: every row counts the same).
    /// The trainer sets them from `TrainingOptions.classWeight` and the training labels alone.
    public var classWeights: [S] = []
    /// Rows the workspace holds.
    public private(set) var capacity = 0
    private var workspace = UnsafeMutableBufferPointer<S>(start: nil, count: 0)
    private var preActivation: [UnsafeMutablePointer<S>] = []
    private var normalized: [UnsafeMutablePointer<S>] = []
    private var activation: [UnsafeMutablePointer<S>] = []
    private var batchMean: [UnsafeMutablePointer<S>] = []
    private var inverseStd: [UnsafeMutablePointer<S>] = []
    private var probabilityBuffer: UnsafeMutablePointer<S>?
    private var gradientA: UnsafeMutablePointer<S>?
    private var gradientB: UnsafeMutablePointer<S>?

    public init(config: NetworkConfig, seed: UInt64) throws {
        if let problem = config.problem { throw CVKitError.invalidArgument(problem) }
        // Refused with the estimate before allocating (a one-row workspace: the trainer checks batches).
        try MemoryEstimate.check(config, batch: 1)
        self.config = config
        layout = ParameterLayout(config)
        parameters = .allocate(capacity: layout.parameterCount)
        gradients = .allocate(capacity: layout.parameterCount)
        statistics = .allocate(capacity: max(layout.statisticsCount, 1))
        gradients.initialize(repeating: 0)
        initialize(seed: seed)
    }

    deinit {
        parameters.deallocate()
        gradients.deallocate()
        statistics.deallocate()
        workspace.deallocate()
    }

    /// Trainable values: Dense weights and biases, BatchNorm γ and β.
    public var parameterCount: Int { layout.parameterCount }

    private func initialize(seed: UInt64) {
        var random = RandomSource(seed: seed)
        parameters.update(repeating: 0)
        for (index, layer) in layout.layers.enumerated() {
            let isOutput = index == layout.layers.count - 1
            switch config.initialization {
            case .he:
                let sd = isOutput ? 0.01 : (2.0 / Double(layer.inputs)).squareRoot()
                for i in layer.weight { parameters[i] = S(random.nextGaussian() * sd) }
            case .torch:
                let bound = 1 / Double(layer.inputs).squareRoot()
                for i in layer.weight { parameters[i] = S((2 * random.nextDouble() - 1) * bound) }
                if let bias = layer.bias { for i in bias { parameters[i] = S((2 * random.nextDouble() - 1) * bound) } }
            }
            if let gamma = layer.gamma { for i in gamma { parameters[i] = 1 } }
            if let mean = layer.runningMean { for i in mean { statistics[i] = 0 } }
            if let variance = layer.runningVariance { for i in variance { statistics[i] = 1 } }
        }
    }

    /// Sizes the workspace for batches of up to `batch` rows (allocates only when it grows).
    public func reserve(batch: Int) {
        guard batch > capacity else { return }
        let widest = max(config.inputs, config.classes, config.hidden.max() ?? 0)
        var total = 3 * batch * config.classes + 2 * batch * widest
        for layer in layout.layers.dropLast() {
            total += batch * layer.outputs * (layer.batchNorm ? 3 : 1) + 2 * layer.outputs
        }
        total += batch * config.classes
        workspace.deallocate()
        workspace = .allocate(capacity: total)
        workspace.initialize(repeating: 0)
        guard var cursor = workspace.baseAddress else { return }
        func take(_ count: Int) -> UnsafeMutablePointer<S> {
            defer { cursor += count }
            return cursor
        }
        preActivation = []; normalized = []; activation = []; batchMean = []; inverseStd = []
        for layer in layout.layers {
            let z = take(batch * layer.outputs)
            preActivation.append(z)
            if layer.batchNorm {
                normalized.append(take(batch * layer.outputs))
                activation.append(take(batch * layer.outputs))
                batchMean.append(take(layer.outputs))
                inverseStd.append(take(layer.outputs))
            } else {
                normalized.append(z)
                activation.append(z)
                batchMean.append(take(layer.outputs))
                inverseStd.append(z)
            }
        }
        probabilityBuffer = take(batch * config.classes)
        gradientA = take(batch * widest)
        gradientB = take(batch * widest)
        capacity = batch
    }

    // MARK: - Passes

    /// Forward pass; leaves class probabilities in the workspace and returns the mean
    /// cross-entropy when `labels` are given (0 otherwise). `batch` must be ≤ `capacity`.
    @discardableResult
    func forward(x: UnsafePointer<S>, labels: UnsafePointer<Int32>?, batch: Int, training: Bool, updateRunning: Bool) -> S {
        precondition(batch <= capacity && batch > 0, "reserve(batch:) before a pass")
        let p = parameters.baseAddress!, stats = statistics.baseAddress!
        var input = x
        let last = layout.layers.count - 1
        for (index, layer) in layout.layers.enumerated() {
            let z = preActivation[index]
            Dense.forward(out: z, x: input, weight: p + layer.weight.lowerBound, bias: layer.bias.map { UnsafePointer(p + $0.lowerBound) },
                          batch: batch, inputs: layer.inputs, outputs: layer.outputs)
            if index == last { break }
            if let gamma = layer.gamma, let beta = layer.beta, let mean = layer.runningMean, let variance = layer.runningVariance {
                if training {
                    BatchNorm.forwardTraining(
                        out: activation[index], normalized: normalized[index], mean: batchMean[index], inverseStd: inverseStd[index],
                        x: z, gamma: p + gamma.lowerBound, beta: p + beta.lowerBound,
                        runningMean: stats + mean.lowerBound, runningVariance: stats + variance.lowerBound, updateRunning: updateRunning,
                        batch: batch, features: layer.outputs, rectify: true)
                } else {
                    BatchNorm.forwardInference(
                        out: activation[index], x: z, gamma: p + gamma.lowerBound, beta: p + beta.lowerBound,
                        runningMean: stats + mean.lowerBound, runningVariance: stats + variance.lowerBound, scratch: batchMean[index],
                        batch: batch, features: layer.outputs, rectify: true)
                }
            } else {
                ReLU.forward(activation[index], count: batch * layer.outputs)
            }
            input = UnsafePointer(activation[index])
        }
        // Class weights shape the training loss only; an inference-mode pass (held-out scoring) is unweighted.
        return classWeights.withUnsafeBufferPointer { w in
            SoftmaxCrossEntropy.forward(
                probabilities: probabilityBuffer!, logits: preActivation[last], labels: labels, batch: batch, classes: config.classes,
                weights: training && !w.isEmpty ? w.baseAddress : nil)
        }
    }

    /// Backward pass after a training-mode `forward` on the same batch: sets every gradient,
    /// including `l2 · W` for the Dense weights.
    func backward(x: UnsafePointer<S>, labels: UnsafePointer<Int32>, batch: Int) {
        let p = parameters.baseAddress!, g = gradients.baseAddress!
        var current = gradientA!, other = gradientB!
        classWeights.withUnsafeBufferPointer { w in
            SoftmaxCrossEntropy.backward(dLogits: current, probabilities: probabilityBuffer!, labels: labels, batch: batch, classes: config.classes,
                                         weights: w.isEmpty ? nil : w.baseAddress)
        }
        for index in stride(from: layout.layers.count - 1, through: 0, by: -1) {
            let layer = layout.layers[index]
            if index < layout.layers.count - 1 {
                if let gamma = layer.gamma, let beta = layer.beta {
                    // The ReLU's backward pass is fused in; batchMean is free after the forward pass.
                    BatchNorm.backward(
                        dX: current, dGamma: g + gamma.lowerBound, dBeta: g + beta.lowerBound, dOut: current,
                        normalized: normalized[index], inverseStd: inverseStd[index], gamma: p + gamma.lowerBound,
                        scratch: batchMean[index], batch: batch, features: layer.outputs, rectified: activation[index])
                } else {
                    ReLU.backward(current, output: activation[index], count: batch * layer.outputs)
                }
            }
            let input = index == 0 ? x : UnsafePointer(activation[index - 1])
            Dense.backward(
                dWeight: g + layer.weight.lowerBound, dBias: layer.bias.map { g + $0.lowerBound }, dX: index == 0 ? nil : other,
                dOut: current, x: input, weight: p + layer.weight.lowerBound,
                batch: batch, inputs: layer.inputs, outputs: layer.outputs)
            swap(&current, &other)
        }
        let l2 = S(config.l2)
        if l2 != 0 { for range in layout.weightRanges { for i in range { g[i] += l2 * p[i] } } }
    }

    /// `l2 / 2 · Σ W²` over the Dense weights.
    /// Summed in Double: a Float sum of millions of squares drifts low (0.6 % at 3.7 M weights).
    public func l2Penalty() -> S {
        guard config.l2 != 0 else { return 0 }
        var sum = 0.0
        for range in layout.weightRanges {
            for i in range {
                let w = Double(parameters[i])
                sum += w * w
            }
        }
        return S(config.l2 / 2 * sum)
    }

    /// The probabilities left by the last `forward`, `batch × classes`.
    func lastProbabilities(batch: Int) -> UnsafeBufferPointer<S> {
        UnsafeBufferPointer(start: probabilityBuffer, count: batch * config.classes)
    }

    /// Hidden layer `index`'s values after the last **training-mode** `forward` of `batch` rows,
    /// each `batch × width`, row-major (for the sanity checks): `afterBatchNorm` is `γ · x̂ + β`
    /// before ReLU, rebuilt from the stored x̂ because ReLU overwrites that buffer in place (nil
    /// without BatchNorm); `afterReLU` is the layer's output.
    func hiddenValues(layer index: Int, batch: Int) -> (afterBatchNorm: [S]?, afterReLU: [S]) {
        precondition(index < layout.layers.count - 1 && batch <= capacity, "a hidden layer of the last forward pass")
        let layer = layout.layers[index], width = layer.outputs
        let afterReLU = Array(UnsafeBufferPointer(start: activation[index], count: batch * width))
        guard let gamma = layer.gamma, let beta = layer.beta else { return (nil, afterReLU) }
        let x = normalized[index]
        let afterBatchNorm = (0..<batch * width).map { i in parameters[gamma.lowerBound + i % width] * x[i] + parameters[beta.lowerBound + i % width] }
        return (afterBatchNorm, afterReLU)
    }

    /// Rows whose highest-probability class is the label, after a `forward` on them.
    func correctCount(labels: UnsafePointer<Int32>, batch: Int) -> Int {
        let classes = config.classes
        var correct = 0
        for row in 0..<batch where Network.argmax(probabilityBuffer! + row * classes, classes) == Int(labels[row]) { correct += 1 }
        return correct
    }

    static func argmax(_ values: UnsafePointer<S>, _ count: Int) -> Int {
        var best = 0
        for k in 1..<count where values[k] > values[best] { best = k }
        return best
    }
}
