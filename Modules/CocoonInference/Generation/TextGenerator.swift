/// Why a generation ended.
public enum GenerationEnd: Sendable, Hashable {
  /// End-of-generation token or a stop sequence.
  case stop
  /// `maxTokens` or the context length.
  case length
  case cancelled
}

/// What a generation did, with exact token counts.
public struct GenerationOutcome: Sendable, Hashable {
  public var end: GenerationEnd
  public var promptTokens: Int
  /// Prompt tokens whose KV state was reused from the state's cache.
  public var cachedTokens: Int
  public var completionTokens: Int
  /// The generated token ids (stop-sequence text is cut from the text, not from these).
  public var tokens: [Int32]
}

/// Runs prompt → tokens → text on one sequence state: reuses the cached prefix, samples until EOS, a stop
/// sequence, `maxTokens`, the context end or cancellation (checked before every token), and streams text
/// deltas (whole UTF-8 characters, never part of a stop sequence).
public struct TextGenerator<Model: ForwardPass> {
  public let model: Model

  public init(model: Model) { self.model = model }

  public func generate(
    prompt: [Int32], state: Model.State, maxTokens: Int, sampler: Sampler, stop: [String] = [],
    isCancelled: () -> Bool = { false }, emit: (String) -> Void = { _ in }
  ) throws -> GenerationOutcome {
    var sampler = sampler
    let common = zip(state.tokens, prompt).prefix { $0 == $1 }.count
    let reuse = min(common, prompt.count - 1)
    state.truncate(to: reuse)
    var outcome = GenerationOutcome(
      end: .length, promptTokens: prompt.count, cachedTokens: reuse, completionTokens: 0, tokens: [])
    if isCancelled() {
      outcome.end = .cancelled
      return outcome
    }
    var logits = try evaluate(Array(prompt[reuse...]), state)
    var text = StopScanner(stops: stop)
    let tokenizer = model.tokenizer
    while outcome.completionTokens < maxTokens {
      if isCancelled() {
        outcome.end = .cancelled
        break
      }
      let token = sampler.next(logits, history: state.tokens)
      if tokenizer.endOfGeneration.contains(token) {
        outcome.end = .stop
        break
      }
      outcome.completionTokens += 1
      outcome.tokens.append(token)
      if let delta = text.append(tokenizer.piece(token)), !delta.isEmpty { emit(delta) }
      if text.stopped {
        outcome.end = .stop
        break
      }
      if outcome.completionTokens == maxTokens { break }
      if state.tokens.count >= model.config.contextLength { break }
      logits = try evaluate([token], state)
    }
    if !text.stopped, let rest = text.finish(), !rest.isEmpty { emit(rest) }
    return outcome
  }

  private func evaluate(_ tokens: [Int32], _ state: Model.State) throws -> UnsafeBufferPointer<Float> {
    try model.forward([ForwardBatchEntry(state: state, tokens: tokens)])[0]
  }
}
