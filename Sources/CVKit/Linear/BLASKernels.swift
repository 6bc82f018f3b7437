#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
#endif

/// Which of OpenBLAS's kernels run cvkit's matrix products.
///
/// OpenBLAS built for many CPUs (`DYNAMIC_ARCH`, as Debian ships it) picks its kernels from the CPU
/// when it loads, unless `OPENBLAS_CORETYPE` names them. The kernels decide the order of each
/// product's sums, so they decide the last bits of every number a run prints: two machines give
/// the same bytes only when they run the same kernels (one machine always does, for any `--jobs`
/// and after a resume). They also decide the speed: on this project's 2-core AMD Zen 5 machine
/// (2026-12-01), whose environment sets `OPENBLAS_CORETYPE=Haswell`, the AVX2 kernels run
/// one-thread float32 2048³ products at 128–131 GFLOP/s and the synthetic 100000 × 100 5-fold,
/// 5-epoch job in 2.1 s; with the variable unset, OpenBLAS 0.3.21 picks its AVX-512 Cooperlake
/// kernels: 237–249 GFLOP/s and 1.5 s. cvkit leaves the choice to OpenBLAS and the environment,
/// and records it in `timings.json` (`blasKernels`).
public enum BLASKernels {
    /// OpenBLAS's name for the kernels it runs ("Haswell", "SkylakeX", "Cooperlake", …); nil on
    /// Accelerate.
    public static var coreName: String? {
        #if canImport(Accelerate)
        return nil
        #else
        guard let name = openblas_get_corename() else { return nil }
        return String(cString: name)
        #endif
    }
}
