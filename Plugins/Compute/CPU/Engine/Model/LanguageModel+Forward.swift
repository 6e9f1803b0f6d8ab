import CocoonInference
import CocoonCore

extension LanguageModel {
  /// Evaluates `tokens` after the ones already cached in `state` and returns the logits of the last one
  /// (valid until the next call on `state`). Long inputs run in batches (matrix-matrix), one token as
  /// matrix-vector.
  /// - Throws: ``CocoonError`` `core.invalidArgument` when the context would overflow or a token is out of range.
  @discardableResult
  public func evaluate(_ tokens: some Collection<Int32>, state: InferenceState) throws -> UnsafeBufferPointer<Float> {
    let all = Array(tokens)
    guard state.tokens.count + all.count <= config.contextLength else {
      throw CocoonError(
        .invalidArgument,
        "\(state.tokens.count + all.count) tokens exceed the model's context of \(config.contextLength)")
    }
    if let bad = all.first(where: { $0 < 0 || Int($0) >= config.vocabularySize }) {
      throw CocoonError(.invalidArgument, "token \(bad) is outside the vocabulary of \(config.vocabularySize)")
    }
    state.reserve(state.tokens.count + all.count)
    var start = 0
    while start < all.count {
      let end = min(all.count, start + InferenceState.maxBatch)
      forwardBatch(all[start..<end], state: state, logits: end == all.count)
      start = end
    }
    return UnsafeBufferPointer(start: state.logits, count: config.vocabularySize)
  }

  private func forwardBatch(_ batch: ArraySlice<Int32>, state s: InferenceState, logits: Bool) {
    let c = config
    let n = batch.count
    let e = c.embedding
    let base = s.tokens.count
    let scale: Float = c.architecture == .gemma3 ? Float(e).squareRoot() : 1
    for (t, token) in batch.enumerated() {
      weights.embeddings.dequantizeRow(Int(token), into: s.x + t * e)
      if scale != 1 { for i in 0..<e { s.x[t * e + i] *= scale } }
    }
    Trace.write("inp_scaled", s.x, count: n * e)
    for (index, layer) in weights.layers.enumerated() {
      attentionBlock(layer, index: index, tokens: n, position: base, state: s)
      Trace.write("sa_out-\(index)", s.x, count: n * e)
      if index == c.blocks - 1 {
        // Only the last token's output is needed after the last attention (its keys and values are cached). Like
        // llama.cpp, run that layer's feed-forward for that token alone (a one-row product has its own summation
        // order), and not at all when no logits are wanted.
        guard logits else { break }
        if n > 1 { s.x.update(from: s.x + (n - 1) * e, count: e) }
        feedForwardBlock(layer, index: index, tokens: 1, state: s)
      } else {
        feedForwardBlock(layer, index: index, tokens: n, state: s)
      }
      Trace.write("l_out-\(index)", s.x, count: (index == c.blocks - 1 ? 1 : n) * e)
    }
    s.tokens.append(contentsOf: batch)
    guard logits else { return }
    let last = s.x
    Ops.rmsNorm(last, weights.outputNorm, into: s.h, count: e, eps: c.normEpsilon)
    Trace.write("result_norm", s.h, count: e)
    weights.output.multiply(s.h, tokens: 1, into: s.logits, buffer: s.buffer, pool: pool)
  }

  private func feedForwardBlock(_ w: LayerWeights, index: Int, tokens n: Int, state s: InferenceState) {
    let c = config
    let e = c.embedding
    for t in 0..<n { Ops.rmsNorm(s.x + t * e, w.ffnNorm, into: s.h + t * e, count: e, eps: c.normEpsilon) }
    Trace.write("ffn_norm-\(index)", s.h, count: n * e)
    w.gate.multiply(s.h, tokens: n, into: s.gate, buffer: s.buffer, pool: pool)
    w.up.multiply(s.h, tokens: n, into: s.up, buffer: s.buffer, pool: pool)
    Trace.write("ffn_gate-\(index)", s.gate, count: n * c.feedForward)
    Trace.write("ffn_up-\(index)", s.up, count: n * c.feedForward)
    Ops.gatedActivation(s.gate, s.up, count: n * c.feedForward, row: c.feedForward, gelu: c.architecture == .gemma3)
    Trace.write("ffn_geglu-\(index)", s.gate, count: n * c.feedForward)
    w.down.multiply(s.gate, tokens: n, into: s.h, buffer: s.buffer, pool: pool)
    Trace.write("ffn_out-\(index)", s.h, count: n * e)
    addResidual(s.h, norm: w.postFFNNorm, tokens: n, state: s)
  }

  /// `x += norm(out)` (Gemma's post-norms) or `x += out`.
  func addResidual(_ out: UnsafeMutablePointer<Float>, norm: UnsafePointer<Float>?, tokens n: Int, state s: InferenceState) {
    let e = config.embedding
    for t in 0..<n {
      let o = out + t * e
      if let norm { Ops.rmsNorm(o, norm, into: o, count: e, eps: config.normEpsilon) }
      let x = s.x + t * e
      for i in 0..<e { x[i] = o[i] + x[i] }
    }
  }
}
