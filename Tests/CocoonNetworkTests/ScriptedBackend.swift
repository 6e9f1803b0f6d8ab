import CocoonCore
import Foundation
import Synchronization

/// A compute backend double: answers with the prompt's words in upper case, one word per token, optionally slowly,
/// and records cancellations.
final class ScriptedModel: LoadedModel, Sendable {
  let id: ModelID
  let contextLength = 1024
  let tokenDelay: Duration
  let cancellations = Mutex(0)
  let started = Mutex(0)

  init(id: ModelID = "test-model", tokenDelay: Duration = .zero) {
    self.id = id
    self.tokenDelay = tokenDelay
  }

  static func words(of request: GenerationRequest) -> [String] {
    switch request.input {
    case .prompt(let text): text.split(separator: " ").map { $0.uppercased() }
    case .chat(let messages): messages.flatMap { $0.content.split(separator: " ").map { $0.uppercased() } }
    }
  }

  func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
    let words = Self.words(of: request)
    let answer = Array(words.prefix(request.maxTokens))
    started.withLock { $0 += 1 }
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          for (index, word) in answer.enumerated() {
            if tokenDelay > .zero { try await Task.sleep(for: tokenDelay) }
            try Task.checkCancellation()
            continuation.yield(.delta(index == 0 ? word : " " + word))
          }
          let reason: FinishReason = answer.count < words.count ? .length : .stop
          continuation.yield(
            .finished(reason, TokenUsage(promptTokens: words.count, completionTokens: answer.count)))
          continuation.finish()
        } catch {
          cancellations.withLock { $0 += 1 }
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }
}

struct ScriptedBackend: ComputeBackend {
  let model: ScriptedModel

  func load(_ spec: ModelSpec, progress: @escaping @Sendable (LoadProgress) -> Void) async throws -> any LoadedModel {
    model
  }
}
