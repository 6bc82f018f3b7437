/// Plain stochastic gradient descent: `θ ← θ − lr · g`.
public struct SGD: Optimizer {
    public init() {}

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeBufferPointer<Float>, learningRate: Float) {
        for i in 0..<parameters.count { parameters[i] -= learningRate * gradients[i] }
    }
}
