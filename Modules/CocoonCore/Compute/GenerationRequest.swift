/// One chat message for chat completions.
public struct ChatMessage: Hashable, Sendable, Codable {
  public var role: String
  public var content: String

  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }
}

/// What to generate from: a raw prompt, or chat messages the backend formats with the model's template.
public enum GenerationInput: Hashable, Sendable, Codable {
  case prompt(String)
  case chat([ChatMessage])
}

/// Sampling settings. Defaults follow OpenAI's API defaults.
public struct SamplingParameters: Hashable, Sendable, Codable {
  /// 0 means greedy.
  public var temperature: Double = 1.0
  public var topP: Double = 1.0
  /// 0 means no top-k cut.
  public var topK: Int = 0
  /// 0 means no min-p cut.
  public var minP: Double = 0
  /// 1.0 means no penalty.
  public var repetitionPenalty: Double = 1.0
  /// The same seed with the same input gives the same text.
  public var seed: UInt64?

  public init() {}
}

/// One generation request handed to a compute backend.
public struct GenerationRequest: Hashable, Sendable, Codable {
  public var model: ModelID
  public var input: GenerationInput
  public var maxTokens: Int
  public var sampling: SamplingParameters
  /// Generation stops before any of these strings; the stop string itself is not returned.
  public var stop: [String]

  public init(
    model: ModelID, input: GenerationInput, maxTokens: Int, sampling: SamplingParameters = .init(), stop: [String] = []
  ) {
    self.model = model
    self.input = input
    self.maxTokens = maxTokens
    self.sampling = sampling
    self.stop = stop
  }
}

/// Why generation ended.
public enum FinishReason: String, Hashable, Sendable, Codable {
  /// The model produced its end-of-sequence token or a stop sequence.
  case stop
  /// `maxTokens` or the context length was reached.
  case length
  /// The request was cancelled.
  case cancelled
}

/// What a backend streams back for a request.
public enum GenerationEvent: Hashable, Sendable {
  /// More generated text.
  case delta(String)
  /// The end: why, and the exact token usage. Always the last event of a successful stream.
  case finished(FinishReason, TokenUsage)
}
