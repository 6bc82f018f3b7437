import Foundation
#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
#endif

/// A floating-point type with BLAS matrix products and the elementary functions the model needs.
///
/// `Float` is what cvkit trains with (`cblas_sgemm`); `Double` runs the same code for gradient
/// checks, where finite differences need more digits than Float has (`cblas_dgemm`). This is the
/// only file that calls BLAS.
public protocol BLASScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable, LosslessStringConvertible {
    /// `C = alpha · op(A) · op(B) + beta · C`, row-major; `op(A)` is `m × k`, `op(B)` is `k × n`.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
        _ a: UnsafePointer<Self>, lda: Int, _ b: UnsafePointer<Self>, ldb: Int,
        beta: Self, _ c: UnsafeMutablePointer<Self>, ldc: Int)
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
}

private func transpose(_ flag: Bool) -> CBLAS_TRANSPOSE { flag ? CblasTrans : CblasNoTrans }

extension Float: BLASScalar {
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(CblasRowMajor, transpose(transposeA), transpose(transposeB), Int32(m), Int32(n), Int32(k),
                    alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    @inline(__always) public static func exp(_ x: Float) -> Float { Foundation.expf(x) }
    @inline(__always) public static func log(_ x: Float) -> Float { Foundation.logf(x) }
}

extension Double: BLASScalar {
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
        beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(CblasRowMajor, transpose(transposeA), transpose(transposeB), Int32(m), Int32(n), Int32(k),
                    alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    @inline(__always) public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { Foundation.log(x) }
}

/// BLAS threading. cvkit runs tasks (folds, trials) side by side and keeps each product on one
/// thread: at batch-64 shapes, splitting a product costs more than it gains.
public enum BLASThreads {
    /// Pins BLAS to one thread (OpenBLAS; Accelerate chooses for itself). Call once at start.
    public static func useOneThread() {
        #if !canImport(Accelerate)
        openblas_set_num_threads(1)
        #endif
    }
}
