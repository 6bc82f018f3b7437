#include "CKernels.h"

void cvk_column_sums_f32(const float *restrict x, const ptrdiff_t *restrict rows, size_t count, size_t width,
                         double *restrict sums) {
    for (size_t i = 0; i < count; i++) {
        const float *restrict row = x + (size_t)rows[i] * width;
        for (size_t j = 0; j < width; j++) sums[j] += (double)row[j];
    }
}

void cvk_column_square_deviations_f32(const float *restrict x, const ptrdiff_t *restrict rows, size_t count, size_t width,
                                      const double *restrict mean, double *restrict squares) {
    for (size_t i = 0; i < count; i++) {
        const float *restrict row = x + (size_t)rows[i] * width;
        for (size_t j = 0; j < width; j++) {
            double d = (double)row[j] - mean[j];
            squares[j] += d * d;
        }
    }
}

void cvk_standardize_rows_f32(const float *restrict x, const ptrdiff_t *restrict rows, size_t count, size_t width,
                              const double *restrict mean, const double *restrict scale, float *restrict out) {
    for (size_t i = 0; i < count; i++) {
        const float *restrict row = x + (size_t)rows[i] * width;
        float *restrict target = out + i * width;
        for (size_t j = 0; j < width; j++) target[j] = (float)(((double)row[j] - mean[j]) * scale[j]);
    }
}
