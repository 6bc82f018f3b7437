#include "CKernels.h"
#if defined(__AVX2__)
#include <immintrin.h>
#endif

static inline int is_special(unsigned char c) {
    return c == '"' || c == '\r' || c == ' ' || c == '\t' || c == 0;
}

ptrdiff_t cvk_split_plain_line(const unsigned char *text, size_t count, unsigned char delimiter, uint32_t *ends,
                               size_t capacity) {
    if (count > UINT32_MAX - 1) return -1;
    size_t fields = 0, i = 0;
#if defined(__AVX2__)
    const __m256i delim = _mm256_set1_epi8((char)delimiter), quote = _mm256_set1_epi8('"'),
                  cr = _mm256_set1_epi8('\r'), space = _mm256_set1_epi8(' '), tab = _mm256_set1_epi8('\t'),
                  nul = _mm256_setzero_si256();
    for (; i + 32 <= count; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(text + i));
        __m256i special = _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, cr)),
            _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, space), _mm256_cmpeq_epi8(v, tab)),
                            _mm256_cmpeq_epi8(v, nul)));
        if (_mm256_movemask_epi8(special)) return -1;
        uint32_t mask = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, delim));
        while (mask) {
            if (fields == capacity) return -1;
            ends[fields++] = (uint32_t)(i + (size_t)__builtin_ctz(mask));
            mask &= mask - 1;
        }
    }
#endif
    for (; i < count; i++) {
        unsigned char c = text[i];
        if (c == delimiter) {
            if (fields == capacity) return -1;
            ends[fields++] = (uint32_t)i;
        } else if (is_special(c)) {
            return -1;
        }
    }
    if (fields == capacity) return -1;
    ends[fields++] = (uint32_t)count;
    return (ptrdiff_t)fields;
}
