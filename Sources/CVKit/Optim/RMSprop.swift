import CKernels

/// RMSprop (Hinton, Lecture 6e): `s ← α · s + (1 − α) · g²`, `θ ← θ − lr · g / (√s + ε)`,
/// with `α = 0.99` and `ε = 1e-8` (PyTorch's defaults; CS231n's decay rate 0.99), `s₀ = 0`.
public struct RMSprop: Optimizer {
    public let decay: Float
    public let epsilon: Float
    private var meanSquare: [Float]

    public init(count: Int, decay: Float = 0.99, epsilon: Float = 1e-8) {
        self.decay = decay
        self.epsilon = epsilon
        meanSquare = [Float](repeating: 0, count: count)
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>, learningRate: Float) {
        precondition(parameters.count == meanSquare.count && gradients.count == meanSquare.count,
                     "RMSprop made for \(meanSquare.count) parameters, given \(parameters.count)")
        guard let p = parameters.baseAddress, let g = gradients.baseAddress else { return }
        let count = parameters.count
        meanSquare.withUnsafeMutableBufferPointer { s in
            cvk_rmsprop_step_f32(p, g, s.baseAddress!, count, decay, learningRate, epsilon)
        }
    }
}
