// Shared AVX2 helpers of the kernel files (private to CocoonCPUKernels).
#ifndef COCOON_CPU_SIMD_H
#define COCOON_CPU_SIMD_H

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define AVX2 __attribute__((target("avx2,fma,f16c")))
#define COCOON_X86 1

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

#endif

#endif
