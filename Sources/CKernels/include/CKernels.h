// Elementwise kernels of the training step, in C so that the compiler may vectorize them.
//
// Swift cannot vectorize these loops: it cannot prove that the buffers do not alias, and its
// `squareRoot()` keeps C's errno behaviour (a compare and a branch per element), so a vector of
// square roots becomes eight scalar ones. Here the pointers are `restrict` and the target is built
// with -fno-math-errno, so each loop is a handful of AVX (or NEON) instructions per 8 values.
// The target is also built with -ffp-contract=off: no fused multiply-add is formed, so every
// result is the correctly rounded sequence the formulas in the comments spell, bit for bit what the
// plain scalar code gives (the tests compare them).
#ifndef CVKIT_CKERNELS_H
#define CVKIT_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Adam with bias correction, one step over `count` parameters (see `Adam` in CVKit):
/// m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g²;  p = p - step_size m / (√v / root_correction2 + eps).
void cvk_adam_step_f32(float *restrict p, const float *restrict g, float *restrict m, float *restrict v, size_t count,
                       float b1, float b2, float step_size, float root_correction2, float eps);

/// RMSprop, one step: s = alpha s + (1 - alpha) g²;  p = p - lr g / (√s + eps).
void cvk_rmsprop_step_f32(float *restrict p, const float *restrict g, float *restrict s, size_t count,
                          float alpha, float lr, float eps);

/// Per-column sums over the listed rows of a row-major `width`-column matrix, in double, rows in
/// the order given: sums[j] += (double)x[rows[i] * width + j]. `sums` is added to, not cleared.
void cvk_column_sums_f32(const float *restrict x, const ptrdiff_t *restrict rows, size_t count, size_t width,
                         double *restrict sums);

/// Per-column sums of squared deviations from `mean`, in double, rows in the order given:
/// squares[j] += d², d = (double)x[rows[i] * width + j] - mean[j]. `squares` is added to.
void cvk_column_square_deviations_f32(const float *restrict x, const ptrdiff_t *restrict rows, size_t count, size_t width,
                                      const double *restrict mean, double *restrict squares);

/// out[i * width + j] = (float)(((double)x[rows[i] * width + j] - mean[j]) * scale[j]): the listed
/// rows standardized and gathered into one contiguous matrix.
void cvk_standardize_rows_f32(const float *restrict x, const ptrdiff_t *restrict rows, size_t count, size_t width,
                              const double *restrict mean, const double *restrict scale, float *restrict out);

/// Copies rows `rows[0..<count]` of the row-major `width`-column matrix `x` into `out`, one after
/// the other (a mini-batch) — standardized as `cvk_standardize_rows_f32` does when `mean` and
/// `scale` are given, as they are otherwise — then asks the cache for the rows of the next
/// mini-batch (`next`), which the training step that follows leaves time to arrive. Prefetching
/// changes no value.
void cvk_gather_rows_f32(const float *restrict x, size_t width, const ptrdiff_t *restrict rows, size_t count,
                         const double *restrict mean, const double *restrict scale, float *restrict out,
                         const ptrdiff_t *restrict next, size_t next_count);

/// The fields of a CSV line that libcsv would split plainly: `text` is the line without its LF;
/// writes the end offset (exclusive) of each field to `ends` — each delimiter's offset, then
/// `count` — and returns the number of fields. Returns -1 when the line holds a byte libcsv treats
/// specially (quote, CR, space, tab, NUL) or has more than `capacity` fields. AVX2 when compiled for
/// it, 32 bytes per step; plain C otherwise.
ptrdiff_t cvk_split_plain_line(const unsigned char *text, size_t count, unsigned char delimiter, uint32_t *ends,
                               size_t capacity);

/// glibc's `mallopt(M_MMAP_THRESHOLD, bytes)`: allocations of `bytes` or more get their own mapping,
/// returned to the system when freed, and the threshold stops adjusting itself. Returns 1 on
/// success, 0 when refused or when the C library is not glibc (no effect). Here because Swift's
/// Glibc module does not import <malloc.h>; the command calls it, the library never does.
int cvk_set_mmap_threshold(size_t bytes);

#endif
