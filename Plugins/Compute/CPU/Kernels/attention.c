// Attention helpers that reproduce the float operations of llama.cpp's CPU backend (AVX-512 build, no flash
// attention), so that greedy generations agree token for token: softmax with ggml's vector exp and 16-cell
// partial sums, and value sums over 16 cell lanes. Portable C, with an AVX2 path for the value sums.
#include "CocoonCPUKernels.h"

#include <math.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF

/// exp(x) as ggml's AVX-512 `ggml_v_expf` computes it (a range reduction to x = n·ln2 + b and a degree-5
/// polynomial in b, both with fused multiply-adds), for one value. 0 for x below about -133, including -inf.
static float vector_expf(float x) {
  const float shift = 0x1.8p23f;
  const float z = fmaf(x, 0x1.715476p+0f, shift);
  const float n = z - shift;
  if (!(fabsf(n) <= 192)) return n <= 0 ? 0.0f : INFINITY;
  float b = fmaf(-n, 0x1.62e4p-1f, x);
  b = fmaf(-n, 0x1.7f7d1cp-20f, b);
  const float u = b * b;
  const float hi = fmaf(fmaf(0x1.0e4020p-7f, b, 0x1.573e2ep-5f), u, fmaf(0x1.555e66p-3f, b, 0x1.fffdb6p-2f));
  const float j = fmaf(hi, u, fmaf(0x1.ffffecp-1f, b, 1.0f));
  return ldexpf(j, (int)n);
}

/// IEEE half to float (portable path).
static float half_to_float_portable(uint16_t h) {
  const uint32_t sign = (uint32_t)(h & 0x8000) << 16;
  const uint32_t exponent = (h >> 10) & 0x1F;
  const uint32_t mantissa = h & 0x3FF;
  float magnitude;
  if (exponent == 0) {
    magnitude = ldexpf((float)mantissa, -24);
  } else if (exponent == 31) {
    magnitude = mantissa ? NAN : INFINITY;
  } else {
    magnitude = ldexpf((float)(mantissa | 0x400), (int)exponent - 25);
  }
  uint32_t bits;
  memcpy(&bits, &magnitude, 4);
  bits |= sign;
  memcpy(&magnitude, &bits, 4);
  return magnitude;
}

float cocoon_vector_expf(float x) { return vector_expf(x); }

/// The pairwise sum of 16 lanes: (l[i] + l[i+8]), then + 4 apart, + 2 apart, + 1 apart.
static float tree16(const float *l) {
  float t8[8], t4[4];
  for (int i = 0; i < 8; i++) t8[i] = l[i + 8] + l[i];
  for (int i = 0; i < 4; i++) t4[i] = t8[i + 4] + t8[i];
  const float a = t4[0] + t4[2];
  const float b = t4[1] + t4[3];
  return a + b;
}

void cocoon_softmax_cells(float *p, int first, int last) {
  float max = -INFINITY;
  for (int j = first; j <= last; j++) max = p[j - first] > max ? p[j - first] : max;
  double sum = 0;
  int j = first;
  while (j <= last) {
    const int start = j & ~15;
    float lanes[16] = {0};
    for (; j <= last && j < start + 16; j++) {
      const float e = vector_expf(p[j - first] - max);
      p[j - first] = e;
      lanes[j - start] = e;
    }
    sum += (double)tree16(lanes);
  }
  const float inv = (float)(1.0 / sum);
  for (int k = 0; k <= last - first; k++) p[k] *= inv;
}

/// Folds four 16-lane accumulators (rows of d floats, lane g·16 + l) into the first: (0 + 2) + (1 + 3).
static void fold_groups(float *acc, int d) {
  for (long r = 0; r < 16; r++) {
    float *a0 = acc + r * d, *a1 = acc + (16 + r) * d, *a2 = acc + (32 + r) * d, *a3 = acc + (48 + r) * d;
    for (int i = 0; i < d; i++) a0[i] = (a0[i] + a2[i]) + (a1[i] + a3[i]);
  }
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define AVX2 __attribute__((target("avx2,fma,f16c")))

AVX2 static void weighted_sum_avx2(const float *p, const uint16_t *v, long stride, int first, int last, int d,
                                   int groups, float *acc, float *out) {
  const int mask = 16 * groups - 1;
  for (int j = first; j <= last; j++) {
    float *a = acc + (long)(j & mask) * d;
    const uint16_t *row = v + (long)j * stride;
    const __m256 w = _mm256_set1_ps(p[j - first]);
    for (int i = 0; i < d; i += 8) {
      __m256 x = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + i)));
      _mm256_storeu_ps(a + i, _mm256_fmadd_ps(w, x, _mm256_loadu_ps(a + i)));
    }
  }
  if (groups == 4) fold_groups(acc, d);
  for (int i = 0; i < d; i += 8) {
    __m256 t8[8], t4[4];
    for (int l = 0; l < 8; l++)
      t8[l] = _mm256_add_ps(_mm256_loadu_ps(acc + (long)(l + 8) * d + i), _mm256_loadu_ps(acc + (long)l * d + i));
    for (int l = 0; l < 4; l++) t4[l] = _mm256_add_ps(t8[l + 4], t8[l]);
    _mm256_storeu_ps(out + i, _mm256_add_ps(_mm256_add_ps(t4[0], t4[2]), _mm256_add_ps(t4[1], t4[3])));
  }
}
#endif

void cocoon_weighted_sum_f16(const float *p, const uint16_t *v, long stride, int first, int last, int d, int groups,
                             float *acc, float *out) {
  memset(acc, 0, sizeof(float) * 16 * (size_t)groups * (size_t)d);
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  static int avx2 = -1;
  if (avx2 < 0) avx2 = cocoon_kernels_avx2();
  if (d % 8 == 0 && avx2) {
    weighted_sum_avx2(p, v, stride, first, last, d, groups, acc, out);
    return;
  }
#endif
  const int mask = 16 * groups - 1;
  for (int j = first; j <= last; j++) {
    float *a = acc + (long)(j & mask) * d;
    const uint16_t *row = v + (long)j * stride;
    for (int i = 0; i < d; i++) a[i] = fmaf(p[j - first], half_to_float_portable(row[i]), a[i]);
  }
  if (groups == 4) fold_groups(acc, d);
  for (int i = 0; i < d; i++) {
    float lanes[16];
    for (int l = 0; l < 16; l++) lanes[l] = acc[(long)l * d + i];
    out[i] = tree16(lanes);
  }
}
