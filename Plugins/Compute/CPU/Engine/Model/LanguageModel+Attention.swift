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
    attend(index: index, tokens: n, position: position, sliding: sliding, scale: kqScale, state: s)
    w.wo.multiply(s.attention, tokens: n, into: s.h, buffer: s.buffer, pool: pool)
    addResidual(s.h, norm: w.postAttentionNorm, tokens: n, state: s)
  }

  private func addBias(_ bias: UnsafePointer<Float>?, _ x: UnsafeMutablePointer<Float>, _ n: Int, _ dim: Int) {
    guard let bias else { return }
    for t in 0..<n { for i in 0..<dim { x[t * dim + i] += bias[i] } }
  }

  /// Softmax attention of every (token, head) pair over its visible cached positions, in parallel.
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
    let (q, out, scores) = (s.q, s.attention, s.scores)
    pool.parallelFor(n * c.heads) { range, thread in
      let p = scores + thread * capacity
      for pair in range {
        let t = pair / c.heads
        let head = pair % c.heads
        let pos = position + t
        let first = sliding ? max(0, pos - window + 1) : 0
        let qh = q + t * qDim + head * d
        let kvOffset = (head / group) * d
        for j in first...pos {
          let kr = keys + j * kvDim + kvOffset
          var dot: Float = 0
          if avx2Kernels && d % 8 == 0 {
            dot = kr.withMemoryRebound(to: UInt16.self, capacity: d) { cocoon_dot_f16_f32($0, qh, Int32(d)) }
          } else {
            for i in 0..<d { dot += qh[i] * Float(kr[i]) }
          }
          p[j - first] = dot * scale
        }
        let count = pos - first + 1
        Ops.softmax(p, count: count)
        let o = out + t * qDim + head * d
        for i in 0..<d { o[i] = 0 }
        for j in first...pos {
          let weight = roundToHalf(p[j - first])
          let vr = values + j * kvDim + kvOffset
          for i in 0..<d { o[i] += weight * Float(vr[i]) }
        }
      }
    }
  }
}
