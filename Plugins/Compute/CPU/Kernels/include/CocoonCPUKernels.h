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
/// One activation row against four weight rows `row_bytes` apart (decode); results identical to four single dots.
void cocoon_dot_q8_0_rows4(const void *w, long row_bytes, const int8_t *q, const float *d, int blocks, float *out);
void cocoon_dot_q5_0_rows4(const void *w, long row_bytes, const int8_t *q, const float *d, int blocks, float *out);

/// Q4_K / Q6_K weights against Q8_K activations (values q, one float scale per 256, sums per 16 values).
float cocoon_dot_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks);
float cocoon_dot_q6_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks);
/// Q6_K in llama.cpp's order for products of eight or more tokens (its tiled matmul): per block, the exact integer
/// sum times the weight scale, fused-multiply-added with the activation scale.
float cocoon_dot_q6_K_tiled(const void *w, const int8_t *q, const float *d, const int32_t *sums, int blocks);
void cocoon_dot4_q6_K_tiled(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                            long stride);

/// Four activation rows at once (prefill): rows start `columns` values (and `columns / 32` or `/ 256` scales,
/// `columns / 16` sums) apart; results go to out[0], out[stride], out[2 * stride], out[3 * stride].
void cocoon_dot4_q8_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride);
void cocoon_dot4_q5_0(const void *w, const int8_t *q, const float *d, int columns, float *out, long stride);
void cocoon_dot4_q4_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                      long stride);
void cocoon_dot4_q6_K(const void *w, const int8_t *q, const float *d, const int32_t *sums, int columns, float *out,
                      long stride);

/// Σ k[i] · q[i] for half-precision k (attention scores against the F16 KV cache) in llama.cpp's order for several
/// query rows: 16 lanes (lane = i % 16) of fused multiply-adds, then pairwise (16 → 8 → 4 → 2 → 1); n a multiple of 16.
float cocoon_dot_f16_f32(const uint16_t *k, const float *q, int n);
/// The same in llama.cpp's order for one query row: four 16-lane accumulators taking turns every 16 values, added
/// (0 + 2) + (1 + 3), then pairwise; n a multiple of 64.
float cocoon_dot_f16_f32_x4(const uint16_t *k, const float *q, int n);

/// exp(x) as ggml's AVX-512 vector exp computes it (softmax, SiLU), one value; portable.
float cocoon_vector_expf(float x);

/// In-place softmax of the scores of cache cells first…last (p[0] is cell `first`), as ggml's CPU soft_max with
/// AVX-512: ggml's vector exp, partial sums of 16-cell chunks (cells 16c…16c+15) added pairwise, summed in double.
void cocoon_softmax_cells(float *p, int first, int last);

/// out[i] = Σ p[j - first] · v[j · stride + i] over cells j = first…last (v half precision), in llama.cpp's order:
/// `groups` (1 for several query rows, 4 for one) 16-lane accumulators by cell (accumulator (j / 16) % groups, lane
/// j % 16) of fused multiply-adds, added as for the dots above. `acc` is scratch for 16 · groups · d floats.
void cocoon_weighted_sum_f16(const float *p, const uint16_t *v, long stride, int first, int last, int d, int groups,
                             float *acc, float *out);

#endif
