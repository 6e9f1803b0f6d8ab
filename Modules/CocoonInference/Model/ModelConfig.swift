import CocoonCore

/// The architecture families this engine runs.
public enum Architecture: String, Sendable {
  case gemma3, llama, qwen2
}

/// Hyper-parameters of a transformer, read from GGUF metadata (`{arch}.…` keys).
public struct ModelConfig: Sendable {
  public var architecture: Architecture
  public var embedding: Int
  public var blocks: Int
  public var feedForward: Int
  public var heads: Int
  public var kvHeads: Int
  public var headDim: Int
  public var ropeDim: Int
  public var normEpsilon: Float
  public var ropeBase: Float
  /// RoPE base of sliding-window layers (Gemma 3: 10,000 unless the file says otherwise).
  public var ropeBaseLocal: Float
  /// 0 = no sliding window.
  public var slidingWindow: Int
  /// Every `slidingPattern`-th layer is global (attends to everything); the others slide.
  public var slidingPattern: Int
  public var contextLength: Int
  public var vocabularySize: Int

  /// Whether layer `i` uses the sliding window.
  public func isSliding(layer i: Int) -> Bool {
    slidingWindow > 0 && slidingPattern > 0 && i % slidingPattern < slidingPattern - 1
  }

  /// Reads the configuration of `file`.
  /// - Throws: ``CocoonError`` `cpu.unsupportedModel` for other architectures, `cpu.malformedModel` for missing keys.
  public init(_ file: GGUFFile) throws {
    let path = file.file.path
    let archName = file.metadata["general.architecture"]?.stringValue ?? "(none)"
    guard let arch = Architecture(rawValue: archName) else {
      throw CocoonError(
        .unsupportedModel,
        "model file \(path) has architecture \(archName); supported: gemma3, llama, qwen2")
    }
    func int(_ key: String, _ fallback: Int? = nil) throws -> Int {
      if let v = file.metadata["\(archName).\(key)"]?.intValue { return v }
      if let fallback { return fallback }
      throw CocoonError(.malformedModel, "model file \(path) lacks metadata \(archName).\(key)")
    }
    func float(_ key: String, _ fallback: Double) -> Float {
      Float(file.metadata["\(archName).\(key)"]?.doubleValue ?? fallback)
    }
    architecture = arch
    embedding = try int("embedding_length")
    blocks = try int("block_count")
    feedForward = try int("feed_forward_length")
    heads = try int("attention.head_count")
    kvHeads = try int("attention.head_count_kv", heads)
    headDim = try int("attention.key_length", embedding / max(heads, 1))
    ropeDim = try int("rope.dimension_count", headDim)
    normEpsilon = float("attention.layer_norm_rms_epsilon", 1e-5)
    ropeBase = float("rope.freq_base", 10_000)
    ropeBaseLocal = float("rope.freq_base_swa", 10_000)
    slidingWindow = arch == .gemma3 ? try int("attention.sliding_window", 0) : 0
    slidingPattern = arch == .gemma3 ? try int("attention.sliding_window_pattern", 6) : 0
    contextLength = try int("context_length", 2048)
    let embd = try file.tensor("token_embd.weight")
    vocabularySize = embd.dimensions.count > 1 ? embd.dimensions[1] : 0
    guard embedding > 0, blocks > 0, heads > 0, kvHeads > 0, heads % kvHeads == 0, headDim % 2 == 0,
      ropeDim <= headDim, feedForward > 0, vocabularySize > 0
    else {
      throw CocoonError(
        .malformedModel,
        "model file \(path) has inconsistent hyper-parameters (embedding \(embedding), blocks \(blocks), "
          + "heads \(heads)/\(kvHeads), head dim \(headDim), FFN \(feedForward))")
    }
  }
}
