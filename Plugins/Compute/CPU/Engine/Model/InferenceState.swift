public import CocoonInference

/// One sequence's state: its KV cache (half precision, as llama.cpp keeps it) and scratch buffers.
/// Not thread-safe: one request uses it at a time.
public final class InferenceState: @unchecked Sendable {
  let config: ModelConfig
  let threads: Int
  /// The longest batch evaluated in one pass (longer prompts are split); llama.cpp's default batch, so that both
  /// pick the same kernels (and summation orders) for the same prompt.
  static let maxBatch = 512
  /// Positions the cache can hold now; it grows up to the context length.
  public private(set) var capacity = 0
  /// Tokens whose keys and values are in the cache, at positions `0..<tokens.count`.
  public internal(set) var tokens: [Int32] = []
  var keys: [UnsafeMutablePointer<Float16>] = []
  var values: [UnsafeMutablePointer<Float16>] = []
  var scores = UnsafeMutablePointer<Float>.allocate(capacity: 0)
  let buffer = ActivationBuffer()
  let x, h, q, k, v, attention, gate, up, cosines, sines: UnsafeMutablePointer<Float>
  let logits: UnsafeMutablePointer<Float>
  /// Per-thread scratch of 64 lanes × head dimension for the attention's value sums.
  let valueLanes: UnsafeMutablePointer<Float>

  init(config c: ModelConfig, threads: Int) {
    config = c
    self.threads = threads
    let b = Self.maxBatch
    x = .allocate(capacity: b * c.embedding)
    h = .allocate(capacity: b * max(c.embedding, c.feedForward))
    q = .allocate(capacity: b * c.heads * c.headDim)
    k = .allocate(capacity: b * c.kvHeads * c.headDim)
    v = .allocate(capacity: b * c.kvHeads * c.headDim)
    attention = .allocate(capacity: b * c.heads * c.headDim)
    gate = .allocate(capacity: b * c.feedForward)
    up = .allocate(capacity: b * c.feedForward)
    cosines = .allocate(capacity: b * c.ropeDim)
    sines = .allocate(capacity: b * c.ropeDim)
    logits = .allocate(capacity: c.vocabularySize)
    valueLanes = .allocate(capacity: threads * 64 * c.headDim)
  }

  deinit {
    for p in keys + values { p.deallocate() }
    for p in [x, h, q, k, v, attention, gate, up, cosines, sines, logits, scores, valueLanes] { p.deallocate() }
  }

  /// Makes room for `positions` cached positions (at most the context length).
  func reserve(_ positions: Int) {
    guard positions > capacity else { return }
    let newCapacity = min(max(positions, capacity * 2, 256), max(config.contextLength, positions))
    let kvDim = config.kvHeads * config.headDim
    for layer in 0..<config.blocks {
      let nk = UnsafeMutablePointer<Float16>.allocate(capacity: newCapacity * kvDim)
      let nv = UnsafeMutablePointer<Float16>.allocate(capacity: newCapacity * kvDim)
      if layer < keys.count {
        nk.update(from: keys[layer], count: capacity * kvDim)
        nv.update(from: values[layer], count: capacity * kvDim)
        keys[layer].deallocate()
        values[layer].deallocate()
        keys[layer] = nk
        values[layer] = nv
      } else {
        keys.append(nk)
        values.append(nv)
      }
    }
    scores.deallocate()
    scores = .allocate(capacity: threads * newCapacity)
    capacity = newCapacity
  }

  /// Forgets cached positions from `count` on (keeps a reusable prefix).
  public func truncate(to count: Int) {
    if count < tokens.count { tokens.removeLast(tokens.count - count) }
  }
}

/// The CPU KV cache as the generation loop sees it.
extension InferenceState: SequenceState {}
