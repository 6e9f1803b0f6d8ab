import CocoonCore

/// `usage` as OpenAI reports it, with the cached and reasoning token details.
struct UsageBody: Encodable, Sendable {
  let usage: TokenUsage

  private enum CodingKeys: String, CodingKey {
    case promptTokens = "prompt_tokens"
    case completionTokens = "completion_tokens"
    case totalTokens = "total_tokens"
    case promptDetails = "prompt_tokens_details"
    case completionDetails = "completion_tokens_details"
  }
  private enum PromptDetailsKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
  private enum CompletionDetailsKeys: String, CodingKey { case reasoningTokens = "reasoning_tokens" }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(usage.promptTokens, forKey: .promptTokens)
    try container.encode(usage.completionTokens, forKey: .completionTokens)
    try container.encode(usage.totalTokens, forKey: .totalTokens)
    var prompt = container.nestedContainer(keyedBy: PromptDetailsKeys.self, forKey: .promptDetails)
    try prompt.encode(usage.cachedTokens, forKey: .cachedTokens)
    var completion = container.nestedContainer(keyedBy: CompletionDetailsKeys.self, forKey: .completionDetails)
    try completion.encode(usage.reasoningTokens, forKey: .reasoningTokens)
  }
}

/// `GET /v1/models`.
struct ModelListBody: Encodable, Sendable {
  struct Entry: Encodable, Sendable {
    let id: ModelID
    let object = "model"
    let created: Int
    let ownedBy = "cocoon"

    private enum CodingKeys: String, CodingKey {
      case id, object, created
      case ownedBy = "owned_by"
    }
  }

  let object = "list"
  let data: [Entry]
}

/// One choice of a completion or a chunk: `chat` shapes carry `message`/`delta`, `text` shapes carry `text`.
/// Absent fields are left out, except `finish_reason` and `logprobs`, which OpenAI sends as `null`.
struct ChoiceBody: Encodable, Sendable {
  enum Payload: Sendable {
    /// `message: {role, content}` of a whole chat completion.
    case message(String)
    /// `delta: {role?, content?}` of a chat chunk.
    case delta(role: String?, content: String?)
    /// `text` of a text completion or chunk.
    case text(String)
  }

  let payload: Payload
  let finishReason: String?

  private enum CodingKeys: String, CodingKey {
    case index, message, delta, text, logprobs
    case finishReason = "finish_reason"
  }
  private enum MessageKeys: String, CodingKey { case role, content }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(0, forKey: .index)
    switch payload {
    case .message(let content):
      var message = container.nestedContainer(keyedBy: MessageKeys.self, forKey: .message)
      try message.encode("assistant", forKey: .role)
      try message.encode(content, forKey: .content)
    case .delta(let role, let content):
      var delta = container.nestedContainer(keyedBy: MessageKeys.self, forKey: .delta)
      try delta.encodeIfPresent(role, forKey: .role)
      try delta.encodeIfPresent(content, forKey: .content)
    case .text(let text):
      try container.encode(text, forKey: .text)
    }
    try container.encodeNil(forKey: .logprobs)
    try container.encode(finishReason, forKey: .finishReason)
  }
}

/// A whole completion or one chunk of a stream: `chat.completion`, `chat.completion.chunk`, `text_completion`.
struct CompletionBody: Encodable, Sendable {
  let id: String
  let object: String
  let created: Int
  let model: ModelID
  let choices: [ChoiceBody]
  let usage: UsageBody?
}
