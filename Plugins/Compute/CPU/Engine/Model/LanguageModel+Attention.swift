import CocoonInference
import CocoonCPUKernels

extension LanguageModel {
  /// Self-attention for `n` new tokens at positions `position…`: projections, per-head norms (Gemma), RoPE,
  /// KV-cache append, causal (and sliding-window) attention, output projection and residual.
  func attentionBlock(_ w: LayerWeights, index: Int, tokens n: Int, position: Int, state s: InferenceState) {
    let c = config
    let e = c.embedding
    let d = c.headDim
    let qDim = c.heads * d
    let kvDim = c.kvHeads * d
    for t in 0..<n { Ops.rmsNorm(s.x + t * e, w.attentionNorm, into: s.h + t * e, count: e, eps: c.normEpsilon) }
    w.wq.multiply(s.h, tokens: n, into: s.q, buffer: s.buffer, pool: pool)
    w.wk.multiply(s.h, tokens: n, into: s.k, buffer: s.buffer, pool: pool)
    w.wv.multiply(s.h, tokens: n, into: s.v, buffer: s.buffer, pool: pool)
    addBias(w.bq, s.q, n, qDim)
    addBias(w.bk, s.k, n, kvDim)
    addBias(w.bv, s.v, n, kvDim)
    Trace.write("attn_norm-\(index)", s.h, count: n * e)
    Trace.write("Qcur-\(index)", s.q, count: n * qDim)
    Trace.write("Kcur-\(index)", s.k, count: n * kvDim)
    Trace.write("Vcur-\(index)", s.v, count: n * kvDim)

    let sliding = c.isSliding(layer: index)
    let neox = c.architecture != .llama
    let rd = c.ropeDim
    for t in 0..<n {
      Ops.ropeAngles(
        position: position + t, dims: rd, base: sliding ? c.ropeBaseLocal : c.ropeBase,
        factors: weights.ropeFactors, cos: s.cosines + t * rd, sin: s.sines + t * rd)
    }
    // Gemma scales queries before attention; Llama scales scores inside the softmax.
    let qScale: Float = c.architecture == .gemma3 ? 1 / Float(d).squareRoot() : 1
    let kqScale: Float = c.architecture == .gemma3 ? 1 : 1 / Float(d).squareRoot()
    for t in 0..<n {
      for head in 0..<c.heads {
        let qh = s.q + t * qDim + head * d
        if let qn = w.qNorm { Ops.rmsNorm(qh, qn, into: qh, count: d, eps: c.normEpsilon) }
        Ops.rope(qh, dims: rd, neox: neox, cos: s.cosines + t * rd, sin: s.sines + t * rd)
        // llama.cpp multiplies F16 keys with queries converted to F16.
        for i in 0..<d { qh[i] = roundToHalf(qh[i] * qScale) }
      }
      for head in 0..<c.kvHeads {
        let kh = s.k + t * kvDim + head * d
        if let kn = w.kNorm { Ops.rmsNorm(kh, kn, into: kh, count: d, eps: c.normEpsilon) }
        Ops.rope(kh, dims: rd, neox: neox, cos: s.cosines + t * rd, sin: s.sines + t * rd)
      }
      let row = (position + t) * kvDim
      let kc = s.keys[index] + row
      let vc = s.values[index] + row
      for i in 0..<kvDim {
        kc[i] = Float16(s.k[t * kvDim + i])
        vc[i] = Float16(s.v[t * kvDim + i])
      }
    }
    Trace.write("Qrope-\(index)", s.q, count: n * qDim)
    Trace.write("Krope-\(index)", s.k, count: n * kvDim)
    attend(index: index, tokens: n, position: position, sliding: sliding, scale: kqScale, state: s)
    Trace.write("kqv-\(index)", s.attention, count: n * qDim)
    w.wo.multiply(s.attention, tokens: n, into: s.h, buffer: s.buffer, pool: pool)
    Trace.write("kqv_out-\(index)", s.h, count: n * e)
    addResidual(s.h, norm: w.postAttentionNorm, tokens: n, state: s)
  }

  private func addBias(_ bias: UnsafePointer<Float>?, _ x: UnsafeMutablePointer<Float>, _ n: Int, _ dim: Int) {
    guard let bias else { return }
    for t in 0..<n { for i in 0..<dim { x[t * dim + i] += bias[i] } }
  }

  /// Softmax attention of every (token, head) pair over its visible cached positions, in parallel, with the float
  /// operations of llama.cpp's CPU backend (see `CocoonCPUKernels`): scores and value sums in its lane orders (one
  /// for a single token, another for several), ggml's softmax, the probabilities rounded to half precision.
  private func attend(index: Int, tokens n: Int, position: Int, sliding: Bool, scale: Float, state s: InferenceState) {
    let c = config
    let d = c.headDim
    let qDim = c.heads * d
    let kvDim = c.kvHeads * d
    let group = c.heads / c.kvHeads
    let keys = s.keys[index]
    let values = s.values[index]
    let capacity = s.capacity
    let window = c.slidingWindow
    let (q, out, scores, lanes) = (s.q, s.attention, s.scores, s.valueLanes)
    let groups = n == 1 ? 4 : 1
    pool.parallelFor(n * c.heads) { range, thread in
      let p = scores + thread * capacity
      let acc = lanes + thread * 64 * d
      for pair in range {
        let t = pair / c.heads
        let head = pair % c.heads
        let pos = position + t
        let first = sliding ? max(0, pos - window + 1) : 0
        let qh = q + t * qDim + head * d
        let kvOffset = (head / group) * d
        for j in first...pos {
          p[j - first] = Self.dotHalf(keys + j * kvDim + kvOffset, qh, count: d, groups: groups) * scale
        }
        cocoon_softmax_cells(p, Int32(first), Int32(pos))
        for j in 0...(pos - first) { p[j] = roundToHalf(p[j]) }
        (values + kvOffset).withMemoryRebound(to: UInt16.self, capacity: (pos + 1) * kvDim) { v in
          cocoon_weighted_sum_f16(
            p, v, kvDim, Int32(first), Int32(pos), Int32(d), Int32(groups), acc, out + t * qDim + head * d)
        }
      }
    }
  }

  /// Σ k[i]·q[i] as llama.cpp sums it: `groups` 16-lane accumulators (lane i % 16, accumulator (i / 16) % groups)
  /// of fused multiply-adds, added (0 + 2) + (1 + 3) when there are four, then pairwise.
  @inline(__always)
  static func dotHalf(_ k: UnsafePointer<Float16>, _ q: UnsafePointer<Float>, count d: Int, groups: Int) -> Float {
    if avx2Kernels && d % 64 == 0 {
      return k.withMemoryRebound(to: UInt16.self, capacity: d) {
        groups == 4 ? cocoon_dot_f16_f32_x4($0, q, Int32(d)) : cocoon_dot_f16_f32($0, q, Int32(d))
      }
    }
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: 64) { lanes in
      lanes.initialize(repeating: 0)
      let mask = 16 * groups - 1
      for i in 0..<d { lanes[i & mask] = lanes[i & mask].addingProduct(Float(k[i]), q[i]) }
      if groups == 4 { for l in 0..<16 { lanes[l] = (lanes[l] + lanes[l + 32]) + (lanes[l + 16] + lanes[l + 48]) } }
      for i in 0..<8 { lanes[i] = lanes[i + 8] + lanes[i] }
      for i in 0..<4 { lanes[i] = lanes[i + 4] + lanes[i] }
      return (lanes[0] + lanes[2]) + (lanes[1] + lanes[3])
    }
  }
}
