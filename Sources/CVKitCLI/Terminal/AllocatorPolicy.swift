import CKernels

/// Gives every allocation of 1 MiB or more its own mapping, returned to the system when it is freed.
///
/// glibc's malloc starts out doing that from 128 KiB, but raises the threshold to the size of each
/// large block that is freed (up to 32 MiB), after which such blocks come from its arenas — one per
/// thread that allocates — where a freed block keeps its pages for as long as anything above it in
/// the arena lives. A run holds a few large arrays for the whole run (the float matrix, the splits,
/// the task results) and makes and frees many of a few MiB beside them (a task's training rows, a
/// journal record, the score columns of the ranking metrics), so that policy kept 20–25 MiB of freed
/// memory resident: on 1,000,000 × 50 (`kfold -k 3 --epochs 1 --hidden 8`) the peak RSS is
/// 309–311 MiB with it and 284 MiB with this one (the float matrix is 191 MiB), at no measurable
/// cost on the 100000 × 100 synthetic 5-fold run. Setting the threshold turns the adjustment off
/// (mallopt(3)); on other C libraries this does nothing. Only the command does this: the library leaves the process's allocator alone.
enum AllocatorPolicy {
    static func apply() {
        _ = cvk_set_mmap_threshold(1 << 20)
    }
}
