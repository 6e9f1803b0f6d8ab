// AVX2 kernels for the CPU engine, compiled per function for AVX2/FMA/F16C so the build stays portable;
// the engine calls them only after cocoon_kernels_avx2() says the CPU has those features.
#include "CocoonCPUKernels.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#include <string.h>

#define AVX2 __attribute__((target("avx2,fma,f16c")))

int cocoon_kernels_avx2(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}

AVX2 static inline float half_to_float(const uint8_t *p) {
  uint16_t h;
  memcpy(&h, p, 2);
  return _cvtsh_ss(h);
}

AVX2 static inline float hsum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

/// Sum of signed w × signed a over 32 bytes, as 8 int32 lanes (|w| ≤ 128, |a| ≤ 127).
AVX2 static inline __m256i dot_s8(__m256i w, __m256i a) {
  __m256i p16 = _mm256_maddubs_epi16(_mm256_sign_epi8(w, w), _mm256_sign_epi8(a, w));
  return _mm256_madd_epi16(p16, _mm256_set1_epi16(1));
}

/// 32 nibbles of 16 bytes: low nibbles in bytes 0-15, high nibbles in bytes 16-31.
AVX2 static inline __m256i nibbles(const uint8_t *p) {
  __m128i x = _mm_loadu_si128((const __m128i *)p);
  __m128i m = _mm_set1_epi8(0x0F);
  return _mm256_set_m128i(_mm_and_si128(_mm_srli_epi16(x, 4), m), _mm_and_si128(x, m));
}

/// Byte j = 0xFF where bit j of `bits` is set.
AVX2 static inline __m256i bits_to_bytes(uint32_t bits) {
  __m256i v = _mm256_set1_epi32((int)bits);
  const __m256i spread = _mm256_set_epi64x(0x0303030303030303, 0x0202020202020202, 0x0101010101010101, 0);
  v = _mm256_shuffle_epi8(v, spread);
  const __m256i select = _mm256_set1_epi64x((long long)0x8040201008040201ULL);
  return _mm256_cmpeq_epi8(_mm256_and_si256(v, select), select);
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

static inline void scale_min(const uint8_t *s, int j, int *sc, int *m) {
  if (j < 4) {
    *sc = s[j] & 63;
    *m = s[j + 4] & 63;
  } else {
    *sc = (s[j + 4] & 0xF) | ((s[j - 4] >> 6) << 4);
    *m = (s[j + 4] >> 4) | ((s[j] >> 6) << 4);
  }
}

AVX2 float cocoon_dot_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) {
  const uint8_t *p = (const uint8_t *)w;
  __m256 acc = _mm256_setzero_ps();
  float mins_total = 0;
  const __m256i low = _mm256_set1_epi8(0x0F);
  for (int b = 0; b < blocks; b++, p += 144) {
    const uint8_t *scales = p + 4;
    const uint8_t *qs = p + 16;
    const int8_t *a = q + 256 * b;
    const int32_t *bs = sums + 16 * b;
    __m256i sumi = _mm256_setzero_si256();
    int mins = 0;
    for (int j = 0; j < 4; j++) {
      int sc0, m0, sc1, m1;
      scale_min(scales, 2 * j, &sc0, &m0);
      scale_min(scales, 2 * j + 1, &sc1, &m1);
      __m256i x = _mm256_loadu_si256((const __m256i *)(qs + 32 * j));
      __m256i lo = _mm256_and_si256(x, low);
      __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), low);
      __m256i a0 = _mm256_loadu_si256((const __m256i *)(a + 64 * j));
      __m256i a1 = _mm256_loadu_si256((const __m256i *)(a + 64 * j + 32));
      __m256i p0 = _mm256_madd_epi16(_mm256_maddubs_epi16(lo, a0), _mm256_set1_epi16((short)sc0));
      __m256i p1 = _mm256_madd_epi16(_mm256_maddubs_epi16(hi, a1), _mm256_set1_epi16((short)sc1));
      sumi = _mm256_add_epi32(sumi, _mm256_add_epi32(p0, p1));
      mins += m0 * (bs[4 * j] + bs[4 * j + 1]) + m1 * (bs[4 * j + 2] + bs[4 * j + 3]);
    }
    acc = _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(p) * d[b]), _mm256_cvtepi32_ps(sumi), acc);
    mins_total += d[b] * half_to_float(p + 2) * (float)mins;
  }
  return hsum(acc) - mins_total;
}

AVX2 float cocoon_dot_q6_K(const void *w, const int8_t *q, const float *d, int blocks) {
  const uint8_t *p = (const uint8_t *)w;
  __m256 acc = _mm256_setzero_ps();
  const __m256i m4 = _mm256_set1_epi8(0x0F);
  const __m256i m2 = _mm256_set1_epi8(0x03);
  const __m256i k32 = _mm256_set1_epi8(32);
  for (int b = 0; b < blocks; b++, p += 210) {
    const int8_t *sc = (const int8_t *)(p + 192);
    __m256i sumi = _mm256_setzero_si256();
    for (int n = 0; n < 2; n++) {
      const uint8_t *ql = p + 64 * n;
      const uint8_t *qh = p + 128 + 32 * n;
      const int8_t *a = q + 256 * b + 128 * n;
      const int8_t *s = sc + 8 * n;
      __m256i l0 = _mm256_loadu_si256((const __m256i *)ql);
      __m256i l1 = _mm256_loadu_si256((const __m256i *)(ql + 32));
      __m256i h = _mm256_loadu_si256((const __m256i *)qh);
      __m256i v[4];
      v[0] = _mm256_or_si256(_mm256_and_si256(l0, m4), _mm256_slli_epi16(_mm256_and_si256(h, m2), 4));
      v[1] = _mm256_or_si256(_mm256_and_si256(l1, m4),
                             _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 2), m2), 4));
      v[2] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), m4),
                             _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 4), m2), 4));
      v[3] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), m4),
                             _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 6), m2), 4));
      for (int k = 0; k < 4; k++) {
        __m256i av = _mm256_loadu_si256((const __m256i *)(a + 32 * k));
        __m256i prod = _mm256_sub_epi16(_mm256_maddubs_epi16(v[k], av), _mm256_maddubs_epi16(k32, av));
        __m256i scale = _mm256_set_m128i(_mm_set1_epi16(s[2 * k + 1]), _mm_set1_epi16(s[2 * k]));
        sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(prod, scale));
      }
    }
    acc = _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(p + 208) * d[b]), _mm256_cvtepi32_ps(sumi), acc);
  }
  return hsum(acc);
}

AVX2 float cocoon_dot_f16_f32(const uint16_t *k, const float *q, int n) {
  __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    acc0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k + i))), _mm256_loadu_ps(q + i), acc0);
    acc1 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k + i + 8))), _mm256_loadu_ps(q + i + 8), acc1);
  }
  for (; i + 8 <= n; i += 8) {
    acc0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(k + i))), _mm256_loadu_ps(q + i), acc0);
  }
  return hsum(_mm256_add_ps(acc0, acc1));
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

AVX2 void cocoon_dot4_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns,
                           float *out, long stride) {
  const uint8_t *p = (const uint8_t *)w;
  const int blocks = columns / 256;
  const __m256i low = _mm256_set1_epi8(0x0F);
  __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
  float mins_total[4] = {0, 0, 0, 0};
  for (int b = 0; b < blocks; b++, p += 144) {
    const uint8_t *scales = p + 4;
    __m256i sumi[4] = {_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256(),
                       _mm256_setzero_si256()};
    int mins[4] = {0, 0, 0, 0};
    for (int j = 0; j < 4; j++) {
      int sc0, m0, sc1, m1;
      scale_min(scales, 2 * j, &sc0, &m0);
      scale_min(scales, 2 * j + 1, &sc1, &m1);
      __m256i x = _mm256_loadu_si256((const __m256i *)(p + 16 + 32 * j));
      __m256i lo = _mm256_and_si256(x, low);
      __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), low);
      __m256i s0 = _mm256_set1_epi16((short)sc0), s1 = _mm256_set1_epi16((short)sc1);
      for (int t = 0; t < 4; t++) {
        const int8_t *a = q + (long)t * columns + 256 * b + 64 * j;
        __m256i a0 = _mm256_loadu_si256((const __m256i *)a);
        __m256i a1 = _mm256_loadu_si256((const __m256i *)(a + 32));
        __m256i p0 = _mm256_madd_epi16(_mm256_maddubs_epi16(lo, a0), s0);
        __m256i p1 = _mm256_madd_epi16(_mm256_maddubs_epi16(hi, a1), s1);
        sumi[t] = _mm256_add_epi32(sumi[t], _mm256_add_epi32(p0, p1));
        const int32_t *bs = sums + (long)t * (columns / 16) + 16 * b + 4 * j;
        mins[t] += m0 * (bs[0] + bs[1]) + m1 * (bs[2] + bs[3]);
      }
    }
    float dw = half_to_float(p), dm = half_to_float(p + 2);
    for (int t = 0; t < 4; t++) {
      float da = d[t * blocks + b];
      acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(dw * da), _mm256_cvtepi32_ps(sumi[t]), acc[t]);
      mins_total[t] += da * dm * (float)mins[t];
    }
  }
  for (int t = 0; t < 4; t++) out[t * stride] = hsum(acc[t]) - mins_total[t];
}

AVX2 void cocoon_dot4_q6_K(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {
  const uint8_t *p = (const uint8_t *)w;
  const int blocks = columns / 256;
  const __m256i m4 = _mm256_set1_epi8(0x0F);
  const __m256i m2 = _mm256_set1_epi8(0x03);
  const __m256i k32 = _mm256_set1_epi8(32);
  __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
  for (int b = 0; b < blocks; b++, p += 210) {
    const int8_t *sc = (const int8_t *)(p + 192);
    __m256i sumi[4] = {_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256(),
                       _mm256_setzero_si256()};
    for (int n = 0; n < 2; n++) {
      const uint8_t *ql = p + 64 * n;
      const uint8_t *qh = p + 128 + 32 * n;
      const int8_t *s = sc + 8 * n;
      __m256i l0 = _mm256_loadu_si256((const __m256i *)ql);
      __m256i l1 = _mm256_loadu_si256((const __m256i *)(ql + 32));
      __m256i h = _mm256_loadu_si256((const __m256i *)qh);
      __m256i v[4];
      v[0] = _mm256_or_si256(_mm256_and_si256(l0, m4), _mm256_slli_epi16(_mm256_and_si256(h, m2), 4));
      v[1] = _mm256_or_si256(_mm256_and_si256(l1, m4),
                             _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 2), m2), 4));
      v[2] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), m4),
                             _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 4), m2), 4));
      v[3] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), m4),
                             _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 6), m2), 4));
      for (int k = 0; k < 4; k++) {
        __m256i scale = _mm256_set_m128i(_mm_set1_epi16(s[2 * k + 1]), _mm_set1_epi16(s[2 * k]));
        for (int t = 0; t < 4; t++) {
          const int8_t *a = q + (long)t * columns + 256 * b + 128 * n + 32 * k;
          __m256i av = _mm256_loadu_si256((const __m256i *)a);
          __m256i prod = _mm256_sub_epi16(_mm256_maddubs_epi16(v[k], av), _mm256_maddubs_epi16(k32, av));
          sumi[t] = _mm256_add_epi32(sumi[t], _mm256_madd_epi16(prod, scale));
        }
      }
    }
    float dw = half_to_float(p + 208);
    for (int t = 0; t < 4; t++) {
      acc[t] = _mm256_fmadd_ps(_mm256_set1_ps(dw * d[t * blocks + b]), _mm256_cvtepi32_ps(sumi[t]), acc[t]);
    }
  }
  STORE4(acc);
}

#else
int cocoon_kernels_avx2(void) { return 0; }
float cocoon_dot_f16_f32(const uint16_t *k, const float *q, int n) { return 0; }
void cocoon_dot4_q8_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {}
void cocoon_dot4_q5_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {}
void cocoon_dot4_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                      long stride) {}
void cocoon_dot4_q6_K(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {}
float cocoon_dot_q8_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
float cocoon_dot_q5_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
float cocoon_dot_q4_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
float cocoon_dot_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) { return 0; }
float cocoon_dot_q6_K(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
#endif
