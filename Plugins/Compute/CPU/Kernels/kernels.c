// AVX2 kernels for the CPU engine, compiled per function for AVX2/FMA/F16C so the build stays portable;
// the engine calls them only after cocoon_kernels_avx2() says the CPU has those features.
#include "CocoonCPUKernels.h"
#include "simd.h"

#pragma STDC FP_CONTRACT OFF

#ifdef COCOON_X86

int cocoon_kernels_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}

AVX2 float cocoon_dot_q8_0(const void *w, const int8_t *q, const float *d, int blocks) {
  const uint8_t *p = (const uint8_t *)w;
  __m256 acc = _mm256_setzero_ps();
  for (int b = 0; b < blocks; b++, p += 34) {
    __m256i wv = _mm256_loadu_si256((const __m256i *)(p + 2));
    __m256i av = _mm256_loadu_si256((const __m256i *)(q + 32 * b));
    __m256 s = _mm256_set1_ps(half_to_float(p) * d[b]);
    acc = _mm256_fmadd_ps(s, _mm256_cvtepi32_ps(dot_s8(wv, av)), acc);
  }
  return hsum(acc);
}

AVX2 float cocoon_dot_q4_0(const void *w, const int8_t *q, const float *d, int blocks) {
  const uint8_t *p = (const uint8_t *)w;
  __m256 acc = _mm256_setzero_ps();
  for (int b = 0; b < blocks; b++, p += 18) {
    __m256i wv = _mm256_sub_epi8(nibbles(p + 2), _mm256_set1_epi8(8));
    __m256i av = _mm256_loadu_si256((const __m256i *)(q + 32 * b));
    __m256 s = _mm256_set1_ps(half_to_float(p) * d[b]);
    acc = _mm256_fmadd_ps(s, _mm256_cvtepi32_ps(dot_s8(wv, av)), acc);
  }
  return hsum(acc);
}

AVX2 float cocoon_dot_q5_0(const void *w, const int8_t *q, const float *d, int blocks) {
  const uint8_t *p = (const uint8_t *)w;
  __m256 acc = _mm256_setzero_ps();
  for (int b = 0; b < blocks; b++, p += 22) {
    uint32_t qh;
    memcpy(&qh, p + 2, 4);
    __m256i high = _mm256_and_si256(bits_to_bytes(qh), _mm256_set1_epi8(0x10));
    __m256i wv = _mm256_sub_epi8(_mm256_or_si256(nibbles(p + 6), high), _mm256_set1_epi8(16));
    __m256i av = _mm256_loadu_si256((const __m256i *)(q + 32 * b));
    __m256 s = _mm256_set1_ps(half_to_float(p) * d[b]);
    acc = _mm256_fmadd_ps(s, _mm256_cvtepi32_ps(dot_s8(wv, av)), acc);
  }
  return hsum(acc);
}

// One token against four consecutive weight rows (decode): each row keeps its own accumulator and the same
// per-block order as the one-row kernels (so the results are identical), but the four chains overlap.
AVX2 void cocoon_dot_q8_0_rows4(const void *w, long row_bytes, const int8_t *q, const float *d, int blocks,
                                float *out) {
  const uint8_t *p = (const uint8_t *)w;
  __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
  for (int b = 0; b < blocks; b++) {
    __m256i av = _mm256_loadu_si256((const __m256i *)(q + 32 * b));
    for (int r = 0; r < 4; r++) {
      const uint8_t *block = p + r * row_bytes + 34 * b;
      __m256i wv = _mm256_loadu_si256((const __m256i *)(block + 2));
      __m256 s = _mm256_set1_ps(half_to_float(block) * d[b]);
      acc[r] = _mm256_fmadd_ps(s, _mm256_cvtepi32_ps(dot_s8(wv, av)), acc[r]);
    }
  }
  for (int r = 0; r < 4; r++) out[r] = hsum(acc[r]);
}

AVX2 void cocoon_dot_q5_0_rows4(const void *w, long row_bytes, const int8_t *q, const float *d, int blocks,
                                float *out) {
  const uint8_t *p = (const uint8_t *)w;
  __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
  for (int b = 0; b < blocks; b++) {
    __m256i av = _mm256_loadu_si256((const __m256i *)(q + 32 * b));
    for (int r = 0; r < 4; r++) {
      const uint8_t *block = p + r * row_bytes + 22 * b;
      uint32_t qh;
      memcpy(&qh, block + 2, 4);
      __m256i high = _mm256_and_si256(bits_to_bytes(qh), _mm256_set1_epi8(0x10));
      __m256i wv = _mm256_sub_epi8(_mm256_or_si256(nibbles(block + 6), high), _mm256_set1_epi8(16));
      __m256 s = _mm256_set1_ps(half_to_float(block) * d[b]);
      acc[r] = _mm256_fmadd_ps(s, _mm256_cvtepi32_ps(dot_s8(wv, av)), acc[r]);
    }
  }
  for (int r = 0; r < 4; r++) out[r] = hsum(acc[r]);
}

// Half-precision dots in the two orders of llama.cpp's AVX-512 build. Several query rows (prefill) go through
// tinyBLAS: 16 lanes (lane = i % 16) of fused multiply-adds, then the lanes added pairwise (16 → 8 → 4 → 2 → 1).
// One row (decode) goes through ggml_vec_dot_f16: four such 16-lane accumulators taking turns every 16 values,
// added as (0 + 2) + (1 + 3) before the pairwise sum. Two AVX2 registers hold 16 lanes.
AVX2 float cocoon_dot_f16_f32(const uint16_t *k, const float *q, int n) {
  __m256 lo = _mm256_setzero_ps(), hi = _mm256_setzero_ps();
  for (int i = 0; i + 16 <= n; i += 16) {
    lo = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k + i))), _mm256_loadu_ps(q + i), lo);
    hi = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k + i + 8))), _mm256_loadu_ps(q + i + 8), hi);
  }
  return hsum(_mm256_add_ps(hi, lo));
}

AVX2 float cocoon_dot_f16_f32_x4(const uint16_t *k, const float *q, int n) {
  __m256 lo[4], hi[4];
  for (int j = 0; j < 4; j++) lo[j] = hi[j] = _mm256_setzero_ps();
  for (int i = 0; i + 64 <= n; i += 64) {
    for (int j = 0; j < 4; j++) {
      const int o = i + 16 * j;
      lo[j] = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k + o))), _mm256_loadu_ps(q + o), lo[j]);
      hi[j] = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k + o + 8))), _mm256_loadu_ps(q + o + 8), hi[j]);
    }
  }
  __m256 l = _mm256_add_ps(_mm256_add_ps(lo[0], lo[2]), _mm256_add_ps(lo[1], lo[3]));
  __m256 h = _mm256_add_ps(_mm256_add_ps(hi[0], hi[2]), _mm256_add_ps(hi[1], hi[3]));
  return hsum(_mm256_add_ps(h, l));
}

// Four-token variants: the weights of a block are loaded and unpacked once for four activation rows.

#define STORE4(acc)                                                                                          \
  do {                                                                                                       \
    for (int t = 0; t < 4; t++) out[t * stride] = hsum(acc[t]);                                            \
  } while (0)

AVX2 void cocoon_dot4_q8_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {
  const uint8_t *p = (const uint8_t *)w;
  const int blocks = columns / 32;
  __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
  for (int b = 0; b < blocks; b++, p += 34) {
    __m256i wv = _mm256_loadu_si256((const __m256i *)(p + 2));
    __m256i wa = _mm256_sign_epi8(wv, wv);
    float dw = half_to_float(p);
    for (int t = 0; t < 4; t++) {
      __m256i av = _mm256_loadu_si256((const __m256i *)(q + (long)t * columns + 32 * b));
      __m256i s = _mm256_madd_epi16(_mm256_maddubs_epi16(wa, _mm256_sign_epi8(av, wv)), _mm256_set1_epi16(1));
      acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(dw * d[t * blocks + b]), _mm256_cvtepi32_ps(s), acc[t]);
    }
  }
  STORE4(acc);
}

AVX2 void cocoon_dot4_q5_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {
  const uint8_t *p = (const uint8_t *)w;
  const int blocks = columns / 32;
  __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
  for (int b = 0; b < blocks; b++, p += 22) {
    uint32_t qh;
    memcpy(&qh, p + 2, 4);
    __m256i high = _mm256_and_si256(bits_to_bytes(qh), _mm256_set1_epi8(0x10));
    __m256i wv = _mm256_sub_epi8(_mm256_or_si256(nibbles(p + 6), high), _mm256_set1_epi8(16));
    __m256i wa = _mm256_sign_epi8(wv, wv);
    float dw = half_to_float(p);
    for (int t = 0; t < 4; t++) {
      __m256i av = _mm256_loadu_si256((const __m256i *)(q + (long)t * columns + 32 * b));
      __m256i s = _mm256_madd_epi16(_mm256_maddubs_epi16(wa, _mm256_sign_epi8(av, wv)), _mm256_set1_epi16(1));
      acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(dw * d[t * blocks + b]), _mm256_cvtepi32_ps(s), acc[t]);
    }
  }
  STORE4(acc);
}

#else
int cocoon_kernels_avx2(void) { return 0; }
float cocoon_dot_f16_f32(const uint16_t *k, const float *q, int n) { return 0; }
float cocoon_dot_f16_f32_x4(const uint16_t *k, const float *q, int n) { return 0; }
void cocoon_dot4_q8_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {}
void cocoon_dot4_q5_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {}
float cocoon_dot_q8_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
float cocoon_dot_q5_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
float cocoon_dot_q4_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
void cocoon_dot_q8_0_rows4(const void *w, long row_bytes, const int8_t *q, const float *d, int blocks, float *out) {}
void cocoon_dot_q5_0_rows4(const void *w, long row_bytes, const int8_t *q, const float *d, int blocks, float *out) {}
#endif
