/// A fully connected layer, `out = x · W (+ b)`, as a forward/backward pair over flat buffers.
///
/// Shapes (row-major): `x` is `batch × inputs`, `W` is `inputs × outputs`, `b` is `outputs`,
/// `out` is `batch × outputs`. Both passes are single `gemm` calls with the transposes folded into
/// the call; nothing is allocated. With BatchNorm after it the bias is left out (`b == nil`): BN
/// subtracts the batch mean, so a bias would be learned for nothing.
enum Dense {
    static func forward<S: BLASScalar>(
        out: UnsafeMutablePointer<S>, x: UnsafePointer<S>, weight: UnsafePointer<S>, bias: UnsafePointer<S>?,
        batch: Int, inputs: Int, outputs: Int
    ) {
        if let bias {
            for row in 0..<batch { (out + row * outputs).update(from: bias, count: outputs) }
        }
        S.gemm(transposeA: false, transposeB: false, m: batch, n: outputs, k: inputs, alpha: 1,
               x, lda: inputs, weight, ldb: outputs, beta: bias == nil ? 0 : 1, out, ldc: outputs)
    }

    /// Sets `dW = xᵀ · dOut`, `db = Σ_rows dOut` and, when `dX` is given, `dX = dOut · Wᵀ`.
    static func backward<S: BLASScalar>(
        dWeight: UnsafeMutablePointer<S>, dBias: UnsafeMutablePointer<S>?, dX: UnsafeMutablePointer<S>?,
        dOut: UnsafePointer<S>, x: UnsafePointer<S>, weight: UnsafePointer<S>,
        batch: Int, inputs: Int, outputs: Int
    ) {
        S.gemm(transposeA: true, transposeB: false, m: inputs, n: outputs, k: batch, alpha: 1,
               x, lda: inputs, dOut, ldb: outputs, beta: 0, dWeight, ldc: outputs)
        if let dBias {
            dBias.update(repeating: 0, count: outputs)
            for row in 0..<batch {
                let r = dOut + row * outputs
                for j in 0..<outputs { dBias[j] += r[j] }
            }
        }
        if let dX {
            S.gemm(transposeA: false, transposeB: true, m: batch, n: inputs, k: outputs, alpha: 1,
                   dOut, lda: outputs, weight, ldb: outputs, beta: 0, dX, ldc: inputs)
        }
    }
}
