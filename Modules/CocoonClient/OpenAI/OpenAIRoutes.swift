import CocoonCore
import HTTPTypes
import Hummingbird
import Logging

/// The handlers behind the API's three routes.
struct OpenAIRoutes: Sendable {
  let gateway: any InferenceGateway
  let defaultMaxTokens: Int
  let maxRequestBytes: Int
  /// `created` of every listed model: when this API started (the network does not date its models).
  let startedAt: Int

  /// `GET /v1/models`.
  func models() async throws -> Response {
    let entries = try await gateway.models().map { ModelListBody.Entry(id: $0, created: startedAt) }
    return try JSONCoding.response(ModelListBody(data: entries))
  }

  /// `GET /v1/models/{model}`.
  func model(_ context: some RequestContext) async throws -> Response {
    let id = ModelID(context.parameters.get("model") ?? "")
    guard try await gateway.models().contains(id) else {
      throw OpenAIError(
        status: .notFound, message: "the model '\(id)' is not served by the network; GET /v1/models lists them",
        type: "invalid_request_error", code: "model_not_found", param: "model")
    }
    return try JSONCoding.response(ModelListBody.Entry(id: id, created: startedAt))
  }

  /// `POST /v1/chat/completions`.
  func chatCompletions(_ request: Request, _ context: some RequestContext) async throws -> Response {
    var request = request
    let body = try await JSONCoding.decode(ChatCompletionRequest.self, from: collectBody(&request))
    let generation = try body.generationRequest(defaultMaxTokens: defaultMaxTokens)
    return try await respond(generation, kind: .chat, fields: body.fields, request: request, context: context)
  }

  /// `POST /v1/completions`.
  func completions(_ request: Request, _ context: some RequestContext) async throws -> Response {
    var request = request
    let body = try await JSONCoding.decode(CompletionRequest.self, from: collectBody(&request))
    let generation = try body.generationRequest(defaultMaxTokens: defaultMaxTokens)
    return try await respond(generation, kind: .text, fields: body.fields, request: request, context: context)
  }

  private func respond(
    _ generation: GenerationRequest, kind: CompletionStyle.Kind, fields: SamplingFields, request: Request,
    context: some RequestContext
  ) async throws -> Response {
    let style = CompletionStyle(
      kind: kind, requestID: context.id, created: OpenAIServer.unixTime(), model: generation.model)
    var logger = context.logger
    logger[metadataKey: "model"] = "\(generation.model)"
    logger.info(
      "generation requested",
      metadata: ["max_tokens": "\(generation.maxTokens)", "stream": "\(fields.stream)", "id": "\(style.id)"])
    let responder = GenerationResponder(gateway: gateway)
    if fields.stream {
      return try await responder.respondStreamed(
        to: generation, style: style, includeUsage: fields.includeUsage, request: request, logger: logger)
    }
    return try await responder.respondWhole(to: generation, style: style, request: request, logger: logger)
  }

  /// The whole request body, kept in the request so the disconnect watch can still follow the connection.
  private func collectBody(_ request: inout Request) async throws -> ByteBuffer {
    do {
      return try await request.collectBody(upTo: maxRequestBytes)
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      throw OpenAIError(
        status: .contentTooLarge, message: "the request body exceeds \(maxRequestBytes) bytes",
        type: "invalid_request_error", code: "request_too_large")
    }
  }
}
