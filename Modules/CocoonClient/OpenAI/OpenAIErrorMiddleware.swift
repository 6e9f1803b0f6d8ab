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
      "request answered",
      metadata: [
        "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
      ])
    return response
  }
}

extension OpenAIError {
  /// The HTTP response carrying this error.
  var response: Response {
    // An error body holds only strings; should it still not encode, the client gets a fixed 500 body.
    var response =
      (try? JSONCoding.response(OpenAIErrorBody(error: self), status: status))
      ?? Response(
        status: .internalServerError, headers: [.contentType: "application/json"],
        body: .init(
          byteBuffer: ByteBuffer(
            string: #"{"error":{"message":"internal server error","type":"server_error","param":null,"code":null}}"#)))
    if code == "overloaded" { response.headers[.retryAfter] = "1" }
    return response
  }
}

extension HTTPField.Name {
  /// `X-Request-ID`: the id every log line of the request carries.
  static let requestID = Self("X-Request-ID")!
}
