public import CocoonCore
import Foundation

/// A model served over any backend's forward pass. Requests share the weights; each runs on its own thread with its
/// own sequence state, taken from a ``PrefixCache`` of idle states so a repeated prompt prefix reuses its KV cache.
public final class InferenceLoadedModel<Model: ForwardPass>: LoadedModel {
  public let id: ModelID
  public let model: Model
  public var contextLength: Int { model.config.contextLength }
  private let cache: PrefixCache<Model.State>

  /// - Parameter cachedSessions: idle sequence states kept for prompt-prefix reuse.
  public init(id: ModelID, model: Model, cachedSessions: Int = 4) {
    self.id = id
    self.model = model
    cache = PrefixCache(capacity: cachedSessions)
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
    try request.validate()  // the rule every hop applies
    let tokenizer = model.tokenizer
    let prompt: [Int32]
    switch request.input {
    case .prompt(let text): prompt = tokenizer.encode(text, addSpecial: true, parseSpecial: false)
    case .chat(let messages):
      let turns = messages.map { ChatTurn(role: $0.role, content: $0.content) }
      let text = ChatFormatter(file: model.file, tokenizer: model.tokenizer).format(turns)
      prompt = tokenizer.encode(text, addSpecial: true, parseSpecial: true)
    }
    guard prompt.count < contextLength else {
      throw CocoonError(
        .invalidArgument, "the prompt has \(prompt.count) tokens; the model's context is \(contextLength)")
    }
    let state =
      cache.take(for: prompt) ?? model.makeState(positions: min(contextLength, prompt.count + request.maxTokens))
    defer { cache.giveBack(state) }
    let s = request.sampling
    let settings = SamplerSettings(
      temperature: Float(s.temperature), topK: s.topK, topP: Float(s.topP), minP: Float(s.minP),
      repetitionPenalty: Float(s.repetitionPenalty), seed: s.seed ?? UInt64.random(in: 0...UInt64.max))
    return try TextGenerator(model: model).generate(
      prompt: prompt, state: state, maxTokens: request.maxTokens, sampler: Sampler(settings), stop: request.stop,
      isCancelled: { cancelled.isSet }, emit: emit)
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
