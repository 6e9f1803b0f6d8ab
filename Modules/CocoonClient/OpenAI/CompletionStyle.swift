import CocoonCore

/// How one endpoint shapes its answer: chat (`chat.completion`, `chat.completion.chunk`) or text
/// (`text_completion`), with the id, creation time and model every object of one request repeats.
struct CompletionStyle: Sendable {
  enum Kind: Sendable {
    case chat
    case text
  }

  let kind: Kind
  let id: String
  let created: Int
  let model: ModelID

  init(kind: Kind, requestID: String, created: Int, model: ModelID) {
    self.kind = kind
    self.id = (kind == .chat ? "chatcmpl-" : "cmpl-") + requestID
    self.created = created
    self.model = model
  }

  /// The non-streamed answer.
  func completion(text: String, finishReason: String, usage: TokenUsage) -> CompletionBody {
    let payload: ChoiceBody.Payload = kind == .chat ? .message(text) : .text(text)
    return body(
      object: kind == .chat ? "chat.completion" : "text_completion",
      choices: [ChoiceBody(payload: payload, finishReason: finishReason)], usage: UsageBody(usage: usage))
  }

  /// The first chunk of a stream: chat announces the assistant role; text has none.
  func openingChunk() -> CompletionBody? {
    kind == .chat ? chunk(.delta(role: "assistant", content: ""), finishReason: nil) : nil
  }

  /// A chunk carrying more generated text.
  func deltaChunk(_ text: String) -> CompletionBody {
    chunk(kind == .chat ? .delta(role: nil, content: text) : .text(text), finishReason: nil)
  }

  /// The chunk that ends the choice.
  func finishChunk(_ finishReason: String) -> CompletionBody {
    chunk(kind == .chat ? .delta(role: nil, content: nil) : .text(""), finishReason: finishReason)
  }

  /// The last chunk when the client asked for `stream_options.include_usage`: no choices, only usage.
  func usageChunk(_ usage: TokenUsage) -> CompletionBody {
    body(object: chunkObject, choices: [], usage: UsageBody(usage: usage))
  }

  private var chunkObject: String { kind == .chat ? "chat.completion.chunk" : "text_completion" }

  private func chunk(_ payload: ChoiceBody.Payload, finishReason: String?) -> CompletionBody {
    body(object: chunkObject, choices: [ChoiceBody(payload: payload, finishReason: finishReason)], usage: nil)
  }

  private func body(object: String, choices: [ChoiceBody], usage: UsageBody?) -> CompletionBody {
    CompletionBody(id: id, object: object, created: created, model: model, choices: choices, usage: usage)
  }
}

extension FinishReason {
  /// OpenAI's `finish_reason`.
  /// - Throws: ``CocoonError`` `cancelled` for a request cancelled upstream, which OpenAI's API cannot express.
  func openAIValue() throws -> String {
    switch self {
    case .stop: "stop"
    case .length: "length"
    case .cancelled: throw CocoonError(.cancelled, "the request was cancelled by the network before it finished")
    }
  }
}
