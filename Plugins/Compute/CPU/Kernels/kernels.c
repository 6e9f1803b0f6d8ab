// AVX2 kernels for the CPU engine, compiled per function for AVX2/FMA/F16C so the build stays portable;
// the engine calls them only after cocoon_kernels_avx2() says the CPU has those features.
#include "CocoonCPUKernels.h"

#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#include <math.h>
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

/// Sum of the 8 int32 lanes (exact).
AVX2 static inline int hsum_i32(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
  return _mm_cvtsi128_si32(s);
}

/// The lane sums of four int32 vectors, as [Σa, Σb, Σc, Σd] (exact).
AVX2 static inline __m128i hsum4_i32(__m256i a, __m256i b, __m256i c, __m256i d) {
  __m256i h = _mm256_hadd_epi32(_mm256_hadd_epi32(a, b), _mm256_hadd_epi32(c, d));
  return _mm_add_epi32(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
}

/// The activation scales of four tokens for block b: d[b], d[blocks + b], d[2·blocks + b], d[3·blocks + b].
AVX2 static inline __m128 scales4(const float *d, int blocks, int b) {
  return _mm_setr_ps(d[b], d[blocks + b], d[2 * blocks + b], d[3 * blocks + b]);
}

/// Integer dot of two Q4_K sub-blocks (64 values of chunk j) with their 6-bit scales applied.
AVX2 static inline int q4_K_pair(const uint8_t *qs, const int8_t *a, int sc0, int sc1) {
  const __m256i low = _mm256_set1_epi8(0x0F);
  __m256i x = _mm256_loadu_si256((const __m256i *)qs);
  __m256i lo = _mm256_and_si256(x, low);
  __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), low);
  __m256i a0 = _mm256_loadu_si256((const __m256i *)a);
  __m256i a1 = _mm256_loadu_si256((const __m256i *)(a + 32));
  __m256i p0 = _mm256_madd_epi16(_mm256_maddubs_epi16(lo, a0), _mm256_set1_epi16((short)sc0));
  __m256i p1 = _mm256_madd_epi16(_mm256_maddubs_epi16(hi, a1), _mm256_set1_epi16((short)sc1));
  return hsum_i32(_mm256_add_epi32(p0, p1));
}

// Q4_K float order of llama.cpp's repacked (8x8) x86 kernels: one token (gemv) adds one fused multiply-add per
// 256-value block, for the scaled sums and for the mins; four tokens (gemm) add one per 64 values.
AVX2 float cocoon_dot_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) {
  const uint8_t *p = (const uint8_t *)w;
  float acc = 0, acc_min = 0;
  for (int b = 0; b < blocks; b++, p += 144) {
    const uint8_t *scales = p + 4;
    const int32_t *bs = sums + 16 * b;
    int sumi = 0, mins = 0;
    for (int j = 0; j < 4; j++) {
      int sc0, m0, sc1, m1;
      scale_min(scales, 2 * j, &sc0, &m0);
      scale_min(scales, 2 * j + 1, &sc1, &m1);
      sumi += q4_K_pair(p + 16 + 32 * j, q + 256 * b + 64 * j, sc0, sc1);
      mins += m0 * (bs[4 * j] + bs[4 * j + 1]) + m1 * (bs[4 * j + 2] + bs[4 * j + 3]);
    }
    acc = fmaf((float)sumi, half_to_float(p) * d[b], acc);
    acc_min = fmaf((float)mins, half_to_float(p + 2) * d[b], acc_min);
  }
  return acc - acc_min;
}

/// The 64 six-bit values of one 128-value half of a Q6_K block as unsigned bytes 0…63 (the −32 offset is applied
/// through the activation sums, as llama.cpp does): v[k] holds values 32k…32k+31.
AVX2 static inline void q6_K_unpack(const uint8_t *ql, const uint8_t *qh, __m256i v[4]) {
  const __m256i m4 = _mm256_set1_epi8(0x0F);
  const __m256i m2 = _mm256_set1_epi8(0x03);
  __m256i l0 = _mm256_loadu_si256((const __m256i *)ql);
  __m256i l1 = _mm256_loadu_si256((const __m256i *)(ql + 32));
  __m256i h = _mm256_loadu_si256((const __m256i *)qh);
  v[0] = _mm256_or_si256(_mm256_and_si256(l0, m4), _mm256_slli_epi16(_mm256_and_si256(h, m2), 4));
  v[1] = _mm256_or_si256(_mm256_and_si256(l1, m4), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 2), m2), 4));
  v[2] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), m4),
                         _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 4), m2), 4));
  v[3] = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), m4),
                         _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 6), m2), 4));
}

/// Lane m = 32 · (sums[2m]·sc[2m] + sums[2m+1]·sc[2m+1]): the −32 offset of a Q6_K block, in llama.cpp's lanes.
AVX2 static inline __m256i q6_K_offset(const int8_t *sc, const int32_t *bs) {
  int32_t lanes[8];
  for (int m = 0; m < 8; m++) lanes[m] = 32 * (bs[2 * m] * sc[2 * m] + bs[2 * m + 1] * sc[2 * m + 1]);
  return _mm256_loadu_si256((const __m256i *)lanes);
}

/// Scaled integer sums of one Q6_K block in 8 lanes (lane m: values 4m…4m+3 of every 32), offset included.
AVX2 static inline __m256i q6_K_block(const uint8_t *p, const int8_t *a, const int32_t *bs) {
  const int8_t *sc = (const int8_t *)(p + 192);
  __m256i sumi = _mm256_setzero_si256();
  for (int n = 0; n < 2; n++) {
    __m256i v[4];
    q6_K_unpack(p + 64 * n, p + 128 + 32 * n, v);
    const int8_t *s = sc + 8 * n;
    for (int k = 0; k < 4; k++) {
      __m256i av = _mm256_loadu_si256((const __m256i *)(a + 128 * n + 32 * k));
      __m256i scale = _mm256_set_m128i(_mm_set1_epi16(s[2 * k + 1]), _mm_set1_epi16(s[2 * k]));
      sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(scale, _mm256_maddubs_epi16(v[k], av)));
    }
  }
  return _mm256_sub_epi32(sumi, q6_K_offset(sc, bs));
}

AVX2 float cocoon_dot_q6_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) {
  const uint8_t *p = (const uint8_t *)w;
  __m256 acc = _mm256_setzero_ps();
  for (int b = 0; b < blocks; b++, p += 210) {
    __m256i sumi = q6_K_block(p, q + 256 * b, sums + 16 * b);
    acc = _mm256_fmadd_ps(_mm256_set1_ps(d[b] * half_to_float(p + 208)), _mm256_cvtepi32_ps(sumi), acc);
  }
  return hsum(acc);
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

AVX2 void cocoon_dot4_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns,
                           float *out, long stride) {
  const uint8_t *p = (const uint8_t *)w;
  const int blocks = columns / 256;
  const long sums_row = columns / 16;
  const __m256i low = _mm256_set1_epi8(0x0F);
  __m128 acc = _mm_setzero_ps(), acc_min = _mm_setzero_ps();
  for (int b = 0; b < blocks; b++, p += 144) {
    const uint8_t *scales = p + 4;
    const __m128 da = scales4(d, blocks, b);
    const __m128 dw = _mm_mul_ps(_mm_set1_ps(half_to_float(p)), da);
    const __m128 dm = _mm_mul_ps(_mm_set1_ps(half_to_float(p + 2)), da);
    for (int j = 0; j < 4; j++) {
      int sc0, m0, sc1, m1;
      scale_min(scales, 2 * j, &sc0, &m0);
      scale_min(scales, 2 * j + 1, &sc1, &m1);
      const __m256i x = _mm256_loadu_si256((const __m256i *)(p + 16 + 32 * j));
      const __m256i lo = _mm256_and_si256(x, low);
      const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), low);
      const __m256i s0 = _mm256_set1_epi16((short)sc0), s1 = _mm256_set1_epi16((short)sc1);
      __m256i part[4];
      int mins[4];
      for (int t = 0; t < 4; t++) {
        const int8_t *a = q + (long)t * columns + 256 * b + 64 * j;
        __m256i p0 = _mm256_madd_epi16(_mm256_maddubs_epi16(lo, _mm256_loadu_si256((const __m256i *)a)), s0);
        __m256i p1 = _mm256_madd_epi16(_mm256_maddubs_epi16(hi, _mm256_loadu_si256((const __m256i *)(a + 32))), s1);
        part[t] = _mm256_add_epi32(p0, p1);
        const int32_t *bs = sums + t * sums_row + 16 * b + 4 * j;
        mins[t] = m0 * (bs[0] + bs[1]) + m1 * (bs[2] + bs[3]);
      }
      const __m128 sumi = _mm_cvtepi32_ps(hsum4_i32(part[0], part[1], part[2], part[3]));
      acc = _mm_fmadd_ps(sumi, dw, acc);
      acc_min = _mm_fmadd_ps(_mm_cvtepi32_ps(_mm_loadu_si128((const __m128i *)mins)), dm, acc_min);
    }
  }
  float r[4];
  _mm_storeu_ps(r, _mm_sub_ps(acc, acc_min));
  for (int t = 0; t < 4; t++) out[t * stride] = r[t];
}

// Q6_K for eight or more tokens, in the order of llama.cpp's tiled K-quant matmul: each block's exact integer sum,
// times the weight scale, then one fused multiply-add with the activation scale per block.
AVX2 float cocoon_dot_q6_K_tiled(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) {
  const uint8_t *p = (const uint8_t *)w;
  float acc = 0;
  for (int b = 0; b < blocks; b++, p += 210) {
    const int total = hsum_i32(q6_K_block(p, q + 256 * b, sums + 16 * b));
    acc = fmaf((float)total * half_to_float(p + 208), d[b], acc);
  }
  return acc;
}

AVX2 void cocoon_dot4_q6_K_tiled(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns,
                                 float *out, long stride) {
  const uint8_t *p = (const uint8_t *)w;
  const int blocks = columns / 256;
  const long sums_row = columns / 16;
  __m128 acc = _mm_setzero_ps();
  for (int b = 0; b < blocks; b++, p += 210) {
    const int8_t *sc = (const int8_t *)(p + 192);
    __m256i v[2][4];
    q6_K_unpack(p, p + 128, v[0]);
    q6_K_unpack(p + 64, p + 160, v[1]);
    __m256i part[4];
    for (int t = 0; t < 4; t++) {
      const int8_t *a = q + (long)t * columns + 256 * b;
      __m256i sumi = _mm256_setzero_si256();
      for (int n = 0; n < 2; n++) {
        const int8_t *s = sc + 8 * n;
        for (int k = 0; k < 4; k++) {
          __m256i av = _mm256_loadu_si256((const __m256i *)(a + 128 * n + 32 * k));
          __m256i scale = _mm256_set_m128i(_mm_set1_epi16(s[2 * k + 1]), _mm_set1_epi16(s[2 * k]));
          sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(scale, _mm256_maddubs_epi16(v[n][k], av)));
        }
      }
      part[t] = _mm256_sub_epi32(sumi, q6_K_offset(sc, sums + t * sums_row + 16 * b));
    }
    const __m128 total = _mm_cvtepi32_ps(hsum4_i32(part[0], part[1], part[2], part[3]));
    acc = _mm_fmadd_ps(_mm_mul_ps(total, _mm_set1_ps(half_to_float(p + 208))), scales4(d, blocks, b), acc);
  }
  float r[4];
  _mm_storeu_ps(r, acc);
  for (int t = 0; t < 4; t++) out[t * stride] = r[t];
}

AVX2 void cocoon_dot4_q6_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns,
                           float *out, long stride) {
  const int blocks = columns / 256;
  for (int t = 0; t < 4; t++) {
    out[t * stride] = cocoon_dot_q6_K(w, q + (long)t * columns, d + t * blocks, sums + (long)t * (columns / 16), blocks);
  }
}

#else
int cocoon_kernels_avx2(void) { return 0; }
float cocoon_dot_f16_f32(const uint16_t *k, const float *q, int n) { return 0; }
float cocoon_dot_f16_f32_x4(const uint16_t *k, const float *q, int n) { return 0; }
void cocoon_dot4_q8_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {}
void cocoon_dot4_q5_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride) {}
void cocoon_dot4_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                      long stride) {}
void cocoon_dot4_q6_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                      long stride) {}
float cocoon_dot_q8_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
float cocoon_dot_q5_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
float cocoon_dot_q4_0(const void *w, const int8_t *q, const float *d, int blocks) { return 0; }
float cocoon_dot_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) { return 0; }
float cocoon_dot_q6_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) { return 0; }
float cocoon_dot_q6_K_tiled(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) { return 0; }
void cocoon_dot4_q6_K_tiled(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                            long stride) {}
#endif
