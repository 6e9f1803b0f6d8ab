import CocoonCore
import Foundation

/// A compute plugin that "generates" by echoing the prompt's words back in reverse order, one word per token.
///
/// It shows every part a real backend has: a name, typed options (unknown keys and wrong types are rejected
/// with file:line:column for free), a factory, model loading with progress and a weights check, streamed
/// deltas, exact usage and cancellation.
public enum EchoComputePlugin: ComputePlugin {
  /// Options under `node.compute.options` in cocoon.yaml.
  public struct Options: Decodable, Sendable {
    /// Text put before every answer.
    public var prefix: String?
  }

  public static let name = "echo"
  public static let summary = "example third-party backend: echoes the prompt's words in reverse"

  public static func make(options: Options, context: PluginContext) async throws -> any ComputeBackend {
    context.logger.info("echo backend ready")
    return EchoBackend(prefix: options.prefix ?? "")
  }
}

/// The backend: "loads" a model by checking its file exists.
struct EchoBackend: ComputeBackend {
  let prefix: String

  func load(_ spec: ModelSpec, progress: @escaping @Sendable (LoadProgress) -> Void) async throws -> any LoadedModel {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: spec.path) else {
      throw CocoonError(.io, "model file '\(spec.path)' does not exist; check node.models[].path")
    }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
    progress(LoadProgress(phase: "checking", completedBytes: size, totalBytes: size))
    return EchoModel(id: spec.name, prefix: prefix)
  }
}

/// The loaded "model".
struct EchoModel: LoadedModel {
  let id: ModelID
  let prefix: String
  var contextLength: Int { 4096 }

  func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
    let text: String
    switch request.input {
    case .prompt(let prompt): text = prompt
    case .chat(let messages): text = messages.map(\.content).joined(separator: " ")
    }
    let words = text.split(separator: " ").map(String.init)
    let answer = Array(words.reversed().prefix(request.maxTokens))
    let prefix = self.prefix
    return AsyncThrowingStream { continuation in
      let task = Task {
        if !prefix.isEmpty { continuation.yield(.delta(prefix)) }
        for (index, word) in answer.enumerated() {
          if Task.isCancelled {
            continuation.yield(.finished(.cancelled, TokenUsage(promptTokens: words.count, completionTokens: index)))
            continuation.finish()
            return
          }
          continuation.yield(.delta(index == 0 ? word : " " + word))
        }
        let reason: FinishReason = answer.count < words.count ? .length : .stop
        continuation.yield(.finished(reason, TokenUsage(promptTokens: words.count, completionTokens: answer.count)))
        continuation.finish()
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }
}
