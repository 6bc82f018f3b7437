/// One epoch of training, as the learning curves show it. Epochs count from 1.
///
/// Training loss and accuracy are averaged over the epoch's mini-batches in training mode (batch
/// statistics, weights changing as they go), as PyTorch training loops report them; validation
/// numbers are computed after the epoch in inference mode. Losses are mean cross-entropy without
/// the L2 term, so training and validation losses compare directly.
public struct EpochRecord: Sendable, Equatable, Codable {
    public var epoch: Int
    public var learningRate: Double
    public var trainLoss: Double
    public var trainAccuracy: Double
    public var validationLoss: Double?
    public var validationAccuracy: Double?
}

/// What happened while training one network.
public struct TrainingHistory: Sendable, Equatable, Codable {
    /// Cross-entropy of the untrained network on the first mini-batch (training mode), ≈ ln C when
    /// initialization is right.
    public var initialLoss: Double
    public var epochs: [EpochRecord]
    /// The epoch (from 1) in which the loss became NaN or infinite or rose above 3× the initial loss; training stopped there.
    public var divergedAtEpoch: Int?
    /// With early stopping, the epoch whose weights were restored.
    public var bestEpoch: Int?
    /// Training samples processed (for throughput).
    public var samplesSeen: Int

    public var diverged: Bool { divergedAtEpoch != nil }
}
