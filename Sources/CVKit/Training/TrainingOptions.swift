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

    public init(epochs: Int = 20, batchSize: Int = 64, optimizer: OptimizerKind = .adam, learningRate: Double = 1e-3,
                schedule: LearningRateSchedule = .constant, patience: Int? = nil) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.schedule = schedule
        self.patience = patience
    }

    /// Why these options cannot be used, or nil.
    public var problem: String? {
        if epochs < 1 { return "epochs must be at least 1 (got \(epochs))" }
        if batchSize < 1 { return "the batch size must be at least 1 (got \(batchSize))" }
        if !(learningRate > 0) || !learningRate.isFinite { return "the learning rate must be a positive number (got \(learningRate))" }
        if let patience, patience < 1 { return "patience must be at least 1 epoch (got \(patience))" }
        return nil
    }
}
