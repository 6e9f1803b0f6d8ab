public import CocoonCore

/// The `cpu` compute plugin: serves GGUF models with the Swift CPU engine.
public struct CPUComputePlugin: ComputePlugin {
  /// Options under `compute: { plugin: cpu, options: … }`.
  public struct Options: Decodable, Sendable, Hashable {
    /// Threads per evaluation; 0 = one per core.
    public var threads: Int
    /// Idle sequence states kept for prompt-prefix reuse (KV cache), per model.
    public var cachedSessions: Int

    public init(threads: Int = 0, cachedSessions: Int = 4) {
      self.threads = threads
      self.cachedSessions = cachedSessions
    }

    enum CodingKeys: String, CodingKey { case threads, cachedSessions = "cached_sessions" }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      threads = try c.decodeIfPresent(Int.self, forKey: .threads) ?? 0
      cachedSessions = try c.decodeIfPresent(Int.self, forKey: .cachedSessions) ?? 4
      guard threads >= 0 else {
        throw CocoonError(.invalidPluginOptions, "cpu: threads is \(threads); use 0 (all cores) or a positive count")
      }
      guard cachedSessions >= 0 else {
        throw CocoonError(.invalidPluginOptions, "cpu: cached_sessions is \(cachedSessions); use 0 or more")
      }
    }
  }

  public static let name = "cpu"
  public static let summary = "Swift CPU inference engine for GGUF models (Gemma 3, Llama, Qwen 2)"

  public static func make(options: Options, context: PluginContext) async throws -> any ComputeBackend {
    CPUComputeBackend(options: options)
  }
}
