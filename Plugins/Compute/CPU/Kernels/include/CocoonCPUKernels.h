#ifndef COCOON_CPU_KERNELS_H
#define COCOON_CPU_KERNELS_H

#include <stdint.h>

/// AVX2 dot products of one quantized weight row with one quantized activation row (the Swift kernels in
/// CocoonCPUEngine are the reference these are tested against). Call only when cocoon_kernels_avx2() is 1.

/// 1 when the CPU has AVX2, FMA and F16C.
int cocoon_kernels_avx2(void);

/// Q8_0 / Q5_0 / Q4_0 weights against Q8_0 activations (values q, one float scale d per 32).
float cocoon_dot_q8_0(const void *w, const int8_t *q, const float *d, int blocks);
float cocoon_dot_q5_0(const void *w, const int8_t *q, const float *d, int blocks);
float cocoon_dot_q4_0(const void *w, const int8_t *q, const float *d, int blocks);

/// Q4_K / Q6_K weights against Q8_K activations (values q, one float scale per 256, sums per 16 values).
float cocoon_dot_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks);
float cocoon_dot_q6_K(const void *w, const int8_t *q, const float *d, int blocks);

/// Four activation rows at once (prefill): rows start `columns` values (and `columns / 32` or `/ 256` scales,
/// `columns / 16` sums) apart; results go to out[0], out[stride], out[2 * stride], out[3 * stride].
void cocoon_dot4_q8_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride);
void cocoon_dot4_q5_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride);
void cocoon_dot4_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                      long stride);
void cocoon_dot4_q6_K(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride);

/// Σ k[i] · q[i] for half-precision k (attention scores against the F16 KV cache); n a multiple of 8.
float cocoon_dot_f16_f32(const uint16_t *k, const float *q, int n);

#endif
