import CocoonClient
import CocoonCore
import Synchronization

/// An ``InferenceGateway`` that answers every request from a script and records what it saw: the requests, and
/// how each event stream ended (finished by the script, or cancelled by its consumer).
final class GatewayDouble: InferenceGateway {
  /// What the double does with each request.
  enum Script: Sendable {
    /// Streams these events, then finishes.
    case events([GenerationEvent])
    /// Refuses at once: `generate` throws.
    case refuse(CocoonError)
    /// Streams these events, then fails with the error.
    case fail(after: [GenerationEvent], CocoonError)
    /// Streams these events, then waits until the consumer goes away.
    case hang(after: [GenerationEvent])
  }

  /// How one stream ended.
  enum Ending: Sendable, Equatable {
    case finished
    case cancelled
  }

  let servedModels: [ModelID]
  let script: Script
  /// Whether a request for a model not in `servedModels` is refused with `unknownModel`, as the network does.
  let refusesUnknownModels: Bool
  private let state = Mutex<(requests: [GenerationRequest], endings: [Ending])>(([], []))
  private let endingsStream: AsyncStream<Ending>
  private let endingsSource: AsyncStream<Ending>.Continuation

  init(
    models: [ModelID] = ["gemma-3-270m"], script: Script = .events(GatewayDouble.hello),
    refusesUnknownModels: Bool = false
  ) {
    servedModels = models
    self.script = script
    self.refusesUnknownModels = refusesUnknownModels
    (endingsStream, endingsSource) = AsyncStream.makeStream()
  }

  /// "Hello, world!" in three pieces with 7 prompt tokens (2 cached) and 3 completion tokens (1 reasoning).
  static let hello: [GenerationEvent] = [
    .delta("Hello"), .delta(", world"), .delta("!"),
    .finished(.stop, TokenUsage(promptTokens: 7, cachedTokens: 2, completionTokens: 3, reasoningTokens: 1)),
  ]

  var requests: [GenerationRequest] { state.withLock { $0.requests } }
  var endings: [Ending] { state.withLock { $0.endings } }

  /// Waits until a stream ends and says how.
  func nextEnding() async -> Ending? {
    var iterator = endingsStream.makeAsyncIterator()
    return await iterator.next()
  }

  private func record(_ ending: Ending) {
    state.withLock { $0.endings.append(ending) }
    endingsSource.yield(ending)
  }

  func models() async throws -> [ModelID] { servedModels }

  func generate(_ request: GenerationRequest) async throws -> AsyncThrowingStream<GenerationEvent, any Error> {
    state.withLock { $0.requests.append(request) }
    if refusesUnknownModels, !servedModels.contains(request.model) {
      throw CocoonError(.unknownModel, "model '\(request.model)' is not served; served: \(servedModels)")
    }
    if case .refuse(let error) = script { throw error }
    let (stream, continuation) = AsyncThrowingStream<GenerationEvent, any Error>.makeStream()
    continuation.onTermination = { termination in
      if case .cancelled = termination { self.record(.cancelled) } else { self.record(.finished) }
    }
    switch script {
    case .events(let events):
      events.forEach { continuation.yield($0) }
      continuation.finish()
    case .fail(let events, let error):
      events.forEach { continuation.yield($0) }
      continuation.finish(throwing: error)
    case .hang(let events):
      events.forEach { continuation.yield($0) }
    case .refuse:
      break
    }
    return stream
  }
}
