public import CocoonCore
import SwiftProtobuf

extension Cocoon_Wire_Role {
  /// The wire form of a role.
  public init(_ role: Role) {
    switch role {
    case .node: self = .node
    case .coordinator: self = .coordinator
    case .client: self = .client
    }
  }

  /// The role, or nil when unspecified or unknown.
  public var role: Role? {
    switch self {
    case .node: .node
    case .coordinator: .coordinator
    case .client: .client
    default: nil
    }
  }
}

extension Cocoon_Wire_TokenUsage {
  public init(_ usage: TokenUsage) {
    self.init()
    promptTokens = UInt64(max(0, usage.promptTokens))
    cachedTokens = UInt64(max(0, usage.cachedTokens))
    completionTokens = UInt64(max(0, usage.completionTokens))
    reasoningTokens = UInt64(max(0, usage.reasoningTokens))
  }

  /// The usage, validated (cached ≤ prompt, reasoning ≤ completion, no overflow).
  public func tokenUsage() throws -> TokenUsage {
    let limit = UInt64(Int32.max)
    guard promptTokens <= limit, cachedTokens <= limit, completionTokens <= limit, reasoningTokens <= limit else {
      throw CocoonError(.invalidArgument, "token usage from the peer is out of range")
    }
    let usage = TokenUsage(
      promptTokens: Int(promptTokens), cachedTokens: Int(cachedTokens), completionTokens: Int(completionTokens),
      reasoningTokens: Int(reasoningTokens))
    try usage.validate()
    return usage
  }
}

extension Cocoon_Wire_FinishReason {
  public init(_ reason: FinishReason) {
    switch reason {
    case .stop: self = .stop
    case .length: self = .length
    case .cancelled: self = .cancelled
    }
  }

  public var finishReason: FinishReason {
    switch self {
    case .length: .length
    case .cancelled: .cancelled
    default: .stop
    }
  }
}

extension Cocoon_Wire_RunQuery {
  /// A query for `request`, identified by `requestID`.
  public init(_ request: GenerationRequest, requestID: String) {
    self.init()
    self.requestID = requestID
    model = request.model.rawValue
    switch request.input {
    case .prompt(let text): prompt = text
    case .chat(let messages):
      chat = .with { $0.messages = messages.map { message in .with { $0.role = message.role; $0.content = message.content } } }
    }
    maxTokens = UInt32(clamping: request.maxTokens)
    sampling = .with {
      $0.temperature = request.sampling.temperature
      $0.topP = request.sampling.topP
      $0.topK = UInt32(clamping: request.sampling.topK)
      $0.minP = request.sampling.minP
      $0.repetitionPenalty = request.sampling.repetitionPenalty
      if let seed = request.sampling.seed {
        $0.hasSeed_p = true
        $0.seed = seed
      }
    }
    stop = request.stop
  }

  /// The generation request this query asks for.
  /// - Throws: ``CocoonError`` with code `invalidArgument` for a query without input or with a value out of range
  ///   (``GenerationRequest/validate()``).
  public func generationRequest() throws -> GenerationRequest {
    let input: GenerationInput
    switch self.input {
    case .prompt(let text): input = .prompt(text)
    case .chat(let chat): input = .chat(chat.messages.map { ChatMessage(role: $0.role, content: $0.content) })
    case nil: throw CocoonError(.invalidArgument, "the query has neither a prompt nor chat messages")
    }
    var parameters = SamplingParameters()
    parameters.temperature = sampling.temperature
    parameters.topP = sampling.topP
    parameters.topK = Int(sampling.topK)
    parameters.minP = sampling.minP
    parameters.repetitionPenalty = sampling.repetitionPenalty
    parameters.seed = sampling.hasSeed_p ? sampling.seed : nil
    let request = GenerationRequest(
      model: ModelID(model), input: input, maxTokens: Int(maxTokens), sampling: parameters, stop: stop)
    try request.validate()
    return request
  }
}

extension Cocoon_Wire_Error {
  /// The wire form of an error: its code when it is a ``CocoonError``, a generic code otherwise.
  public init(_ error: any Error) {
    self.init()
    if let error = error as? CocoonError {
      code = error.code.identifier
      message = error.reason
    } else if error is CancellationError {
      code = CocoonError.Code.cancelled.identifier
      message = "cancelled"
    } else {
      code = "core.internal"
      message = "\(error)"
    }
  }

  /// The error as a ``CocoonError``.
  public var cocoonError: CocoonError { CocoonError(CocoonError.Code(code), message) }
}
