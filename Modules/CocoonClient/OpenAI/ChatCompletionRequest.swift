import CocoonCore

/// The body of `POST /v1/chat/completions`.
///
/// Message content is a string or an array of `{"type": "text", "text": …}` parts (joined without separator).
/// `developer` messages are treated as `system` ones. Tools, logprobs and more than one choice are refused.
struct ChatCompletionRequest: Decodable, Sendable {
  var model: ModelID
  var messages: [ChatMessage]
  var fields: SamplingFields

  private enum CodingKeys: String, CodingKey {
    case model, messages, logprobs, tools
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    model = try container.decode(ModelID.self, forKey: .model)
    messages = try container.decode([MessageBody].self, forKey: .messages).map(\.message)
    fields = try SamplingFields(from: decoder)
    if try container.decodeIfPresent(Bool.self, forKey: .logprobs) == true {
      throw OpenAIError.invalidRequest("'logprobs' is not supported; omit it or send false", param: "logprobs")
    }
    if try container.decodeIfPresent([JSONAny].self, forKey: .tools)?.isEmpty == false {
      throw OpenAIError.invalidRequest("'tools' is not supported; omit it", param: "tools")
    }
  }

  /// The generation request, after validation.
  /// - Throws: ``OpenAIError`` (400) when there are no messages or a value is out of range.
  func generationRequest(defaultMaxTokens: Int) throws(OpenAIError) -> GenerationRequest {
    guard !model.rawValue.isEmpty else {
      throw .invalidRequest("'model' must name a model; GET /v1/models lists them", param: "model")
    }
    guard !messages.isEmpty else {
      throw .invalidRequest("'messages' must hold at least one message", param: "messages")
    }
    return try fields.generationRequest(model: model, input: .chat(messages), defaultMaxTokens: defaultMaxTokens)
  }
}

/// One entry of `messages`.
private struct MessageBody: Decodable {
  static let roles = ["system", "developer", "user", "assistant"]

  var message: ChatMessage

  private enum CodingKeys: String, CodingKey { case role, content }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let role = try container.decode(String.self, forKey: .role)
    guard Self.roles.contains(role) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: container.codingPath + [CodingKeys.role],
          debugDescription: "'\(role)' is not a supported role; accepted: \(Self.roles.joined(separator: ", "))"))
    }
    let content = try container.decodeIfPresent(MessageContent.self, forKey: .content)?.text ?? ""
    message = ChatMessage(role: role == "developer" ? "system" : role, content: content)
  }
}

/// Message content: a string, or an array of text parts.
private struct MessageContent: Decodable {
  var text: String

  private struct Part: Decodable {
    var type: String
    var text: String?
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let string = try? container.decode(String.self) {
      text = string
      return
    }
    guard let parts = try? container.decode([Part].self) else {
      throw DecodingError.typeMismatch(
        String.self,
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "expected a string or an array of {\"type\": \"text\", \"text\": …} parts"))
    }
    var text = ""
    for part in parts {
      guard part.type == "text", let partText = part.text else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "content part of type '\(part.type)' is not supported; only text parts are"))
      }
      text += partText
    }
    self.text = text
  }
}

/// Any JSON value, decoded only to be counted or skipped.
struct JSONAny: Decodable {
  init(from decoder: any Decoder) throws {}
}
