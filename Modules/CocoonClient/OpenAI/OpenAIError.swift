import CocoonCore
import Hummingbird

/// An error as OpenAI's API reports it: an HTTP status and a body `{"error": {"message", "type", "param", "code"}}`.
struct OpenAIError: Error, Sendable, Equatable {
  var status: HTTPResponse.Status
  /// What was wrong and what is accepted.
  var message: String
  /// OpenAI's error class, e.g. `invalid_request_error`.
  var type: String
  /// A stable machine-readable code, e.g. `model_not_found`; `nil` encodes as `null`.
  var code: String?
  /// The request field at fault, when one is.
  var param: String?

  init(
    status: HTTPResponse.Status, message: String, type: String, code: String? = nil, param: String? = nil
  ) {
    self.status = status
    self.message = message
    self.type = type
    self.code = code
    self.param = param
  }

  /// A 400 `invalid_request_error` about the request's body.
  static func invalidRequest(_ message: String, param: String? = nil) -> Self {
    Self(status: .badRequest, message: message, type: "invalid_request_error", param: param)
  }
}

extension OpenAIError {
  /// Translates anything a handler or the gateway throws into what the API reports.
  ///
  /// ``CocoonError`` reasons are shown (they are written for users and never hold secrets); other errors are
  /// reported as a generic server error so internals do not leak.
  init(translating error: any Error) {
    switch error {
    case let error as OpenAIError:
      self = error
    case let error as CocoonError:
      self.init(cocoon: error)
    case let error as HTTPError:
      self.init(http: error)
    case is CancellationError:
      self.init(
        status: .serviceUnavailable, message: "the request was cancelled", type: "server_error", code: "cancelled")
    default:
      self.init(status: .internalServerError, message: "internal server error", type: "server_error")
    }
  }

  private init(cocoon error: CocoonError) {
    let reason = error.reason
    switch error.code {
    case .invalidArgument:
      self.init(status: .badRequest, message: reason, type: "invalid_request_error")
    case .unknownModel:
      self.init(
        status: .notFound, message: reason, type: "invalid_request_error", code: "model_not_found", param: "model")
    case .tooManyTokens:
      self.init(
        status: .badRequest, message: reason, type: "invalid_request_error", code: "context_length_exceeded",
        param: "messages")
    case .insufficientBalance:
      self.init(
        status: .init(code: 402, reasonPhrase: "Payment Required"), message: reason, type: "insufficient_quota",
        code: "insufficient_quota")
    case .overloaded:
      self.init(status: .tooManyRequests, message: reason, type: "rate_limit_error", code: "overloaded")
    case .noNodeAvailable:
      self.init(status: .serviceUnavailable, message: reason, type: "server_error", code: "no_node_available")
    case .peerLost:
      self.init(status: .badGateway, message: reason, type: "server_error", code: "peer_lost")
    case .cancelled:
      self.init(status: .serviceUnavailable, message: reason, type: "server_error", code: "cancelled")
    default:
      self.init(status: .serviceUnavailable, message: reason, type: "server_error", code: "unavailable")
    }
  }

  private init(http error: HTTPError) {
    let message = error.body ?? error.status.reasonPhrase
    switch error.status.code {
    case 404:
      self.init(status: .notFound, message: message, type: "invalid_request_error", code: "unknown_url")
    case 413:
      self.init(status: .contentTooLarge, message: message, type: "invalid_request_error", code: "request_too_large")
    case 400..<500:
      self.init(status: error.status, message: message, type: "invalid_request_error")
    default:
      self.init(status: error.status, message: message, type: "server_error")
    }
  }
}

/// The JSON body of an error: `{"error": {...}}`.
struct OpenAIErrorBody: Encodable {
  let error: OpenAIError

  private enum CodingKeys: String, CodingKey { case error }
  private enum ErrorKeys: String, CodingKey { case message, type, param, code }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    var details = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
    try details.encode(error.message, forKey: .message)
    try details.encode(error.type, forKey: .type)
    try details.encode(error.param, forKey: .param)
    try details.encode(error.code, forKey: .code)
  }
}
