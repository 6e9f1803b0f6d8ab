import CocoonInference
public import CocoonCore
public import CocoonCPUEngine
import Foundation
import Synchronization

/// A model served by the CPU engine. Requests share the weights; each runs on its own thread with its own
/// sequence state, taken from a small pool of idle states so a repeated prompt prefix reuses its KV cache.
public final class CPULoadedModel: LoadedModel {
  public let id: ModelID
  public let model: LanguageModel
  public var contextLength: Int { model.config.contextLength }
  private let idle: Mutex<[InferenceState]> = Mutex([])
  private let cachedSessions: Int

  public init(id: ModelID, model: LanguageModel, cachedSessions: Int = 4) {
    self.id = id
    self.model = model
    self.cachedSessions = cachedSessions
  }

  public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
    let (stream, continuation) = AsyncThrowingStream<GenerationEvent, any Error>.makeStream()
    let cancelled = CancellationFlag()
    continuation.onTermination = { _ in cancelled.set() }
    let thread = Thread { [self] in
      do {
        let outcome = try run(request, cancelled: cancelled) { continuation.yield(.delta($0)) }
        continuation.yield(.finished(Self.reason(outcome.end), Self.usage(outcome)))
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    thread.stackSize = 4 << 20
    thread.start()
    return stream
  }

  /// Runs one request to the end on the calling thread.
  func run(_ request: GenerationRequest, cancelled: CancellationFlag, emit: (String) -> Void) throws
    -> GenerationOutcome
  {
    let tokenizer = model.tokenizer
    let prompt: [Int32]
    switch request.input {
    case .prompt(let text): prompt = tokenizer.encode(text, addSpecial: true, parseSpecial: false)
    case .chat(let messages):
      let text = ChatFormatter(model: model).format(messages.map { ChatTurn(role: $0.role, content: $0.content) })
      prompt = tokenizer.encode(text, addSpecial: true, parseSpecial: true)
    }
    guard request.maxTokens >= 0 else {
      throw CocoonError(.invalidArgument, "max tokens is \(request.maxTokens); it must be 0 or more")
    }
    guard prompt.count < contextLength else {
      throw CocoonError(
        .invalidArgument, "the prompt has \(prompt.count) tokens; the model's context is \(contextLength)")
    }
    let state = takeState(for: prompt, positions: min(contextLength, prompt.count + request.maxTokens))
    defer { giveBack(state) }
    let s = request.sampling
    let settings = SamplerSettings(
      temperature: Float(s.temperature), topK: s.topK, topP: Float(s.topP), minP: Float(s.minP),
      repetitionPenalty: Float(s.repetitionPenalty), seed: s.seed ?? UInt64.random(in: 0...UInt64.max))
    return try TextGenerator(model: model).generate(
      prompt: prompt, state: state, maxTokens: request.maxTokens, sampler: Sampler(settings), stop: request.stop,
      isCancelled: { cancelled.isSet }, emit: emit)
  }

  /// The idle state sharing the longest prefix with `prompt`, or a new one.
  private func takeState(for prompt: [Int32], positions: Int) -> InferenceState {
    let reused: InferenceState? = idle.withLock { states in
      guard !states.isEmpty else { return nil }
      let scored = states.enumerated().map { ($0, zip($1.tokens, prompt).prefix { $0 == $1 }.count) }
      let best = scored.max { $0.1 < $1.1 }!
      return states.remove(at: best.0)
    }
    return reused ?? model.makeState(positions: positions)
  }

  private func giveBack(_ state: InferenceState) {
    guard cachedSessions > 0 else { return }
    idle.withLock { states in
      states.append(state)
      if states.count > cachedSessions { states.removeFirst() }
    }
  }

  static func reason(_ end: GenerationEnd) -> FinishReason {
    switch end {
    case .stop: .stop
    case .length: .length
    case .cancelled: .cancelled
    }
  }

  static func usage(_ o: GenerationOutcome) -> TokenUsage {
    TokenUsage(promptTokens: o.promptTokens, cachedTokens: o.cachedTokens, completionTokens: o.completionTokens)
  }
}

/// Set once when the consumer goes away; checked before every token.
final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)
  func set() { flag.store(true, ordering: .relaxed) }
  var isSet: Bool { flag.load(ordering: .relaxed) }
}
