// AVX2 K-quant kernels (Q4_K, Q6_K) in the summation orders of llama.cpp's x86 kernels; see CocoonCPUKernels.h.
#include "CocoonCPUKernels.h"
#include "simd.h"

#pragma STDC FP_CONTRACT OFF

#ifdef COCOON_X86

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
void cocoon_dot4_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                      long stride) {}
void cocoon_dot4_q6_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                      long stride) {}
float cocoon_dot_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) { return 0; }
float cocoon_dot_q6_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) { return 0; }
float cocoon_dot_q6_K_tiled(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks) { return 0; }
void cocoon_dot4_q6_K_tiled(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                            long stride) {}
#endif
