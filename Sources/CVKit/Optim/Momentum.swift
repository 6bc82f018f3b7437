/// SGD with momentum, PyTorch's convention: `v ← μ · v + g`, `θ ← θ − lr · v`, `μ = 0.9`, `v₀ = 0`.
///
/// CS231n writes `v ← μ · v − lr · g`, `θ ← θ + v`; the two agree while the learning rate is
/// constant, and differ only in whether a decayed rate also scales the stored velocity (here: no).
public struct Momentum: Optimizer {
    public let momentum: Float
    private var velocity: [Float]

    public init(count: Int, momentum: Float = 0.9) {
        self.momentum = momentum
        velocity = [Float](repeating: 0, count: count)
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>, learningRate: Float) {
        let mu = momentum
        velocity.withUnsafeMutableBufferPointer { v in
            for i in 0..<parameters.count {
                v[i] = mu * v[i] + gradients[i]
                parameters[i] -= learningRate * v[i]
            }
        }
    }
}
