#include "CKernels.h"
#include <string.h>

void cvk_gather_rows_f32(const float *restrict x, size_t width, const ptrdiff_t *restrict rows, size_t count,
                         const double *restrict mean, const double *restrict scale, float *restrict out,
                         const ptrdiff_t *restrict next, size_t next_count) {
    if (mean && scale) {
        cvk_standardize_rows_f32(x, rows, count, width, mean, scale, out);
    } else {
        for (size_t i = 0; i < count; i++) memcpy(out + i * width, x + (size_t)rows[i] * width, width * sizeof(float));
    }
    size_t bytes = width * sizeof(float);
    for (size_t i = 0; i < next_count; i++) {
        const char *row = (const char *)(x + (size_t)next[i] * width);
        for (size_t offset = 0; offset < bytes; offset += 64) __builtin_prefetch(row + offset, 0, 2);
        __builtin_prefetch(row + bytes - 1, 0, 2);
    }
}
