import HTTPTypes
import Hummingbird
import Logging

/// Turns every error below it into OpenAI's error body, tags each response with the request's id and logs it.
struct OpenAIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      let failure = OpenAIError(translating: error)
      let level: Logger.Level = failure.status.code >= 500 ? .warning : .info
      context.logger.log(
        level: level, "request refused",
        metadata: ["status": "\(failure.status.code)", "error.code": "\(failure.code ?? failure.type)"])
      response = failure.response
      // A refused generation may already have stopped reading the connection; tell the client not to reuse it.
      response.headers[.connection] = "close"
    }
    response.headers[.requestID] = context.id
    context.logger.debug(
      "request answered", metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(response.status.code)"])
    return response
  }
}

/// Requires `Authorization: Bearer <token>` on every request when an access token is configured.
struct AccessTokenMiddleware<Context: RequestContext>: RouterMiddleware {
  let token: String

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let header = request.headers[.authorization] ?? ""
    let prefix = "Bearer "
    guard header.hasPrefix(prefix) else {
      throw OpenAIError(
        status: .unauthorized,
        message: "missing API key: send the client's access token as 'Authorization: Bearer <token>'",
        type: "invalid_request_error", code: "invalid_api_key")
    }
    guard Self.constantTimeEqual(header.dropFirst(prefix.count).utf8, token.utf8) else {
      throw OpenAIError(
        status: .unauthorized, message: "incorrect API key: the bearer token does not match the client's access token",
        type: "invalid_request_error", code: "invalid_api_key")
    }
    return try await next(request, context)
  }

  /// Compares without stopping at the first difference, so timing does not reveal a matching prefix.
  static func constantTimeEqual(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
    return difference == 0
  }
}

extension OpenAIError {
  /// The HTTP response carrying this error.
  var response: Response {
    var response = JSONCoding.response(OpenAIErrorBody(error: self), status: status)
    if code == "overloaded" { response.headers[.retryAfter] = "1" }
    return response
  }
}

extension HTTPField.Name {
  /// `X-Request-ID`: the id every log line of the request carries.
  static let requestID = Self("X-Request-ID")!
}
