#include "CKernels.h"
#include <math.h>

void cvk_adam_step_f32(float *restrict p, const float *restrict g, float *restrict m, float *restrict v, size_t count,
                       float b1, float b2, float step_size, float root_correction2, float eps) {
    for (size_t i = 0; i < count; i++) {
        float gradient = g[i];
        float first = b1 * m[i] + (1 - b1) * gradient;
        float second = b2 * v[i] + (1 - b2) * gradient * gradient;
        m[i] = first;
        v[i] = second;
        p[i] = p[i] - step_size * first / (sqrtf(second) / root_correction2 + eps);
    }
}

void cvk_rmsprop_step_f32(float *restrict p, const float *restrict g, float *restrict s, size_t count,
                          float alpha, float lr, float eps) {
    for (size_t i = 0; i < count; i++) {
        float gradient = g[i];
        float square = alpha * s[i] + (1 - alpha) * gradient * gradient;
        s[i] = square;
        p[i] = p[i] - lr * gradient / (sqrtf(square) + eps);
    }
}
