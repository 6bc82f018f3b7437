/// The rectifier, `out = max(0, x)`, in place, and its gradient `dX = dOut · [out > 0]`.
///
/// The backward pass reads the forward output, not the input: `out > 0` exactly when `x > 0`, so no
/// mask is stored. At `x = 0` the gradient is taken as 0, as PyTorch does.
/// Both loops multiply by a 0/1 mask instead of storing 0 under an `if`: the optimizer turns an
/// in-place `if` into a branch and a conditional store per element, but vectorizes the product.
/// (The one difference, `−∞ · 0 = NaN` instead of 0, only arises after the loss has diverged.)
enum ReLU {
    static func forward<S: BLASScalar>(_ values: UnsafeMutablePointer<S>, count: Int) {
        for i in 0..<count {
            let v = values[i]
            values[i] = v * (v > 0 ? 1 : 0)
        }
    }

    /// Multiplies `gradient` in place by the mask of positive outputs.
    static func backward<S: BLASScalar>(_ gradient: UnsafeMutablePointer<S>, output: UnsafePointer<S>, count: Int) {
        for i in 0..<count { gradient[i] *= output[i] > 0 ? 1 : 0 }
    }
}
