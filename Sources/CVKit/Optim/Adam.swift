import CKernels
import Foundation

/// Adam (Kingma & Ba, 2015) with bias correction, as PyTorch's `torch.optim.Adam`:
/// `m ← β₁ · m + (1 − β₁) · g`, `v ← β₂ · v + (1 − β₂) · g²`,
/// `m̂ = m / (1 − β₁ᵗ)`, `v̂ = v / (1 − β₂ᵗ)`, `θ ← θ − lr · m̂ / (√v̂ + ε)`,
/// with `β₁ = 0.9`, `β₂ = 0.999`, `ε = 1e-8`, `t` counting steps from 1. (MLX's Adam omits the
/// bias correction; results would differ in the first hundreds of steps.)
public struct Adam: Optimizer {
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    private var m: [Float]
    private var v: [Float]
    private var t = 0

    public init(count: Int, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        m = [Float](repeating: 0, count: count)
        v = [Float](repeating: 0, count: count)
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>, learningRate: Float) {
        t += 1
        let b1 = beta1, b2 = beta2, eps = epsilon
        // Corrections in Double: 1 − 0.999ᵗ loses digits in Float for small t.
        let correction1 = Float(1 - pow(Double(b1), Double(t)))
        let correction2 = Float(1 - pow(Double(b2), Double(t)))
        let stepSize = learningRate / correction1
        let rootCorrection2 = correction2.squareRoot()
        precondition(parameters.count == m.count && gradients.count == m.count, "Adam made for \(m.count) parameters, given \(parameters.count)")
        guard let p = parameters.baseAddress, let g = gradients.baseAddress else { return }
        let count = parameters.count
        // lr · m̂ / (√v̂ + ε) = (lr / c₁) · m / (√v / √c₂ + ε), in C (CKernels.h: vector square roots).
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                cvk_adam_step_f32(p, g, m.baseAddress!, v.baseAddress!, count, b1, b2, stepSize, rootCorrection2, eps)
            }
        }
    }
}
