/// The shape of the classifier: `Dense → BatchNorm → ReLU` per hidden layer, then `Dense → softmax`.
///
/// `hidden = []` is softmax regression. Loss = mean cross-entropy + `l2 / 2 · Σ W²` over the Dense
/// weights only (not biases, not γ/β), so its gradient adds `l2 · W`.
public struct NetworkConfig: Sendable, Equatable, Codable {
    public var inputs: Int
    public var classes: Int
    public var hidden: [Int]
    public var batchNorm: Bool
    public var l2: Double
    /// How the weights start; `.he` unless asked.
    public var initialization: Initialization

    /// A network shape whose `inputs` and `classes` the data fills in (every run sets them from the
    /// data set and its preprocessing): the default is cvkit's `[128, 64]` with BatchNorm, He init.
    public init(hidden: [Int] = [128, 64], batchNorm: Bool = true, l2: Double = 0, initialization: Initialization = .he) {
        self.init(inputs: 0, classes: 0, hidden: hidden, batchNorm: batchNorm, l2: l2, initialization: initialization)
    }

    public init(
        inputs: Int, classes: Int, hidden: [Int] = [128, 64], batchNorm: Bool = true, l2: Double = 0,
        initialization: Initialization = .he
    ) {
        self.inputs = inputs
        self.classes = classes
        self.hidden = hidden
        self.batchNorm = batchNorm
        self.l2 = l2
        self.initialization = initialization
    }

    /// Why this configuration cannot be built, or nil.
    public var problem: String? {
        if inputs < 1 { return "the network needs at least one input feature" }
        if classes < 2 { return "the network needs at least two classes" }
        if let bad = hidden.first(where: { $0 < 1 }) { return "hidden layer widths must be positive (got \(bad))" }
        if !(l2 >= 0) || !l2.isFinite { return "l2 must be a finite number ≥ 0 (got \(l2))" }
        return nil
    }

    /// Trainable values (`ParameterLayout`): Dense weights, biases where no BatchNorm follows, γ and β.
    public var parameterCount: Int { ParameterLayout(self).parameterCount }

    /// Multiply-adds ×2 of one forward pass of one sample: `2 · Σ inputs · outputs` over Dense layers.
    public var forwardFLOPsPerSample: Int {
        zip([inputs] + hidden, hidden + [classes]).reduce(0) { $0 + 2 * $1.0 * $1.1 }
    }

    /// FLOPs of one training step per sample: forward, `dW` and `dX` products, minus the first layer's `dX`.
    public var trainingFLOPsPerSample: Int {
        3 * forwardFLOPsPerSample - 2 * inputs * (hidden.first ?? classes)
    }
}
