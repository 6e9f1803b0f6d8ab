import HTTPTypes
import Hummingbird

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
