public import CocoonInference
import CocoonCore

/// A loaded model: mapped weights, configuration, tokenizer and the thread pool its kernels run on.
/// Immutable and shared by concurrent requests; each request evaluates into its own ``InferenceState``.
public final class LanguageModel: Sendable {
  public let file: GGUFFile
  public let config: ModelConfig
  public let tokenizer: Tokenizer
  public let pool: ThreadPool
  let weights: ModelWeights

  /// Maps and checks `path`; the weights stay in the mapping.
  /// - Parameter threads: threads per evaluation; 0 means one per core.
  /// - Throws: ``CocoonError`` when the file is malformed or uses something unsupported.
  public convenience init(path: String, threads: Int = 0) throws {
    try self.init(file: GGUFFile(path: path), threads: threads)
  }

  /// Builds the model over an already parsed file (e.g. after checking its hash).
  public init(file: GGUFFile, threads: Int = 0) throws {
    let config = try ModelConfig(file)
    self.file = file
    self.config = config
    tokenizer = try Tokenizer(file)
    weights = try ModelWeights(file, config)
    pool = ThreadPool(threads: threads)
  }

  /// A fresh sequence state able to hold `positions` tokens without growing.
  public func makeState(positions: Int = 0) -> InferenceState {
    let s = InferenceState(config: config, threads: pool.threadCount)
    s.reserve(max(1, min(positions, config.contextLength)))
    return s
  }
}

/// All tensors the forward pass reads, as views into the mapping.
struct ModelWeights: @unchecked Sendable {
  let embeddings: WeightMatrix
  let output: WeightMatrix
  let outputNorm: UnsafePointer<Float>
  let ropeFactors: UnsafePointer<Float>?
  let layers: [LayerWeights]

  init(_ file: GGUFFile, _ c: ModelConfig) throws {
    let loader = TensorLoader(file: file)
    embeddings = try loader.matrix("token_embd.weight", columns: c.embedding, rows: c.vocabularySize)
    output =
      file.tensors["output.weight"] == nil
      ? embeddings : try loader.matrix("output.weight", columns: c.embedding, rows: c.vocabularySize)
    outputNorm = try loader.vector("output_norm.weight", count: c.embedding)
    ropeFactors = try loader.optionalVector("rope_freqs.weight", count: c.ropeDim / 2)
    layers = try (0..<c.blocks).map { try loader.layer($0, c) }
  }
}
