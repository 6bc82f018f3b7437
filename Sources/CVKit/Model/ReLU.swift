/// The rectifier, `out = max(0, x)`, in place, and its gradient `dX = dOut · [out > 0]`.
///
/// The backward pass reads the forward output, not the input: `out > 0` exactly when `x > 0`, so no
/// mask is stored. At `x = 0` the gradient is taken as 0, as PyTorch does.
enum ReLU {
    static func forward<S: BLASScalar>(_ values: UnsafeMutablePointer<S>, count: Int) {
        for i in 0..<count where values[i] < 0 { values[i] = 0 }
    }

    /// Multiplies `gradient` in place by the mask of positive outputs.
    static func backward<S: BLASScalar>(_ gradient: UnsafeMutablePointer<S>, output: UnsafePointer<S>, count: Int) {
        for i in 0..<count where !(output[i] > 0) { gradient[i] = 0 }
    }
}
