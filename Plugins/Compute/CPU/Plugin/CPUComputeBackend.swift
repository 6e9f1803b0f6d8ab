import CocoonInference
public import CocoonCore
import CocoonCPUEngine

/// Loads GGUF models: maps the file, checks its SHA-256 (with progress), builds the engine.
public struct CPUComputeBackend: ComputeBackend {
  public let options: CPUComputePlugin.Options

  public init(options: CPUComputePlugin.Options = .init()) { self.options = options }

  public func load(_ spec: ModelSpec, progress: @escaping @Sendable (LoadProgress) -> Void) async throws
    -> any LoadedModel
  {
    let options = self.options
    return try await Task.detached(priority: .userInitiated) {
      let file = try MappedFile(path: spec.path)
      let total = Int64(file.count)
      if let expected = spec.sha256 {
        try WeightsHash.verify(file, expected: expected) { done, all in
          progress(LoadProgress(phase: "hashing", completedBytes: done, totalBytes: all))
        }
      }
      progress(LoadProgress(phase: "mapping", completedBytes: 0, totalBytes: total))
      let model = try LanguageModel(file: GGUFFile(file: file), threads: options.threads)
      progress(LoadProgress(phase: "mapping", completedBytes: total, totalBytes: total))
      return CPULoadedModel(id: spec.name, model: model, cachedSessions: options.cachedSessions)
    }.value
  }
}
