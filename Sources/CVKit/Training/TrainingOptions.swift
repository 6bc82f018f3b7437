/// How a network is trained. Defaults suit small tabular data and match the PyTorch reference
/// (`torch_cv.py`): Adam at 1e-3, batches of 64, 20 epochs, no decay, no early stopping.
public struct TrainingOptions: Sendable, Equatable, Codable {
    public var epochs: Int
    public var batchSize: Int
    public var optimizer: OptimizerKind
    public var learningRate: Double
    public var schedule: LearningRateSchedule
    /// Stop when the validation loss has not improved for this many epochs, and restore the
    /// weights of the best epoch. Needs validation data; nil trains every epoch.
    public var patience: Int?
    /// Adam's β₁ (also the momentum of `momentum`) and β₂; searched as `beta1=oml(0.9,0.999)`.
    public var beta1: Double
    public var beta2: Double
    /// Per-class loss weights (`--class-weight`); nil is none, every row counts the same.
    public var classWeight: ClassWeight?

    public init(epochs: Int = 20, batchSize: Int = 64, optimizer: OptimizerKind = .adam, learningRate: Double = 1e-3,
                schedule: LearningRateSchedule = .constant, patience: Int? = nil, beta1: Double = 0.9, beta2: Double = 0.999,
                classWeight: ClassWeight? = nil) {
        self.classWeight = classWeight
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.schedule = schedule
        self.patience = patience
        self.beta1 = beta1
        self.beta2 = beta2
    }

    /// Why these options cannot be used, or nil.
    public var problem: String? {
        if epochs < 1 { return "epochs must be at least 1 (got \(epochs))" }
        if batchSize < 1 { return "the batch size must be at least 1 (got \(batchSize))" }
        if !(learningRate > 0) || !learningRate.isFinite { return "the learning rate must be a positive number (got \(learningRate))" }
        if let patience, patience < 1 { return "patience must be at least 1 epoch (got \(patience))" }
        if !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) { return "β₁ and β₂ must be in [0, 1) (got \(beta1), \(beta2))" }
        return nil
    }
}

/// Class weights in the training loss.
public enum ClassWeight: String, Sendable, Codable, CaseIterable {
    case none
    /// n / (C · n_c) for each class c of the training rows (scikit-learn's `compute_class_weight("balanced")`),
    /// used as PyTorch's `CrossEntropyLoss(weight=…)` uses them: the loss is the weighted mean over a
    /// batch, divided by the sum of its rows' weights. Computed from each training part only.
    case balanced

    /// The weights of `labels`' classes (0 for a class with no row), nil for `.none`.
    public func weights(labels: [Int32], classCount: Int) -> [Double]? {
        guard self == .balanced else { return nil }
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[Int(label)] += 1 }
        let n = Double(labels.count), present = Double(counts.filter { $0 > 0 }.count)
        return counts.map { $0 > 0 ? n / (present * Double($0)) : 0 }
    }
}
