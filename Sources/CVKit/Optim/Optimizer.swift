/// An update rule over the network's flat parameter and gradient buffers.
///
/// One step: `θ ← update(θ, ∇θ, lr)`. Rules keep their state (velocities, moment estimates) in
/// flat buffers of the same layout, allocated once. L2 regularization is part of the loss and its
/// gradient (`l2 · W` is already in `∇θ`), so Adam here is "Adam with L2", not AdamW.
public protocol Optimizer {
    mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>, learningRate: Float)
}

/// The optimizers cvkit offers, with the hyperparameters that are not searched fixed at the
/// values the literature and PyTorch use.
public enum OptimizerKind: String, Sendable, Codable, CaseIterable {
    case sgd, momentum, rmsprop, adam

    /// A fresh optimizer with zeroed state for `count` parameters.
    public func make(count: Int, beta1: Double = 0.9, beta2: Double = 0.999) -> any Optimizer {
        switch self {
        case .sgd: SGD()
        case .momentum: Momentum(count: count, momentum: Float(beta1))
        case .rmsprop: RMSprop(count: count)
        case .adam: Adam(count: count, beta1: Float(beta1), beta2: Float(beta2))
        }
    }
}
