import CocoonCore
import HTTPTypes
import Hummingbird
import Logging

/// Runs one generation through the gateway and answers it as a whole JSON object or as server-sent events.
///
/// A client that disconnects cancels the task consuming the gateway's stream, which cancels the request upstream.
struct GenerationResponder: Sendable {
  let gateway: any InferenceGateway

  /// Answers with the whole completion once generation ends.
  func respondWhole(
    to generation: GenerationRequest, style: CompletionStyle, request: Request, logger: Logger
  ) async throws -> Response {
    let outcome = try await request.body.consumeWithCancellationOnInboundClose { _ in
      let events = try await gateway.generate(generation)
      var text = ""
      for try await event in events {
        switch event {
        case .delta(let piece):
          text += piece
        case .finished(let reason, let usage):
          return (text: text, reason: try reason.openAIValue(), usage: usage)
        }
      }
      throw Self.endedEarly
    }
    Self.logFinished(outcome.reason, outcome.usage, logger: logger)
    let completion = style.completion(text: outcome.text, finishReason: outcome.reason, usage: outcome.usage)
    var response = try JSONCoding.response(completion)
    response.headers[.connection] = "close"
    return response
  }

  /// Answers with `text/event-stream`: chunks as generated, then `[DONE]`; a failure after the head is sent
  /// becomes an `error` event, and the stream ends without `[DONE]`.
  ///
  /// The first event is awaited before answering, so refusals (unknown model, no node, …) keep their HTTP status.
  func respondStreamed(
    to generation: GenerationRequest, style: CompletionStyle, includeUsage: Bool, request: Request, logger: Logger
  ) async throws -> Response {
    let cursor = EventCursor(try await gateway.generate(generation))
    guard let first = try await cursor.next() else { throw Self.endedEarly }
    let body = ResponseBody { writer in
      do {
        try await request.body.consumeWithCancellationOnInboundClose { _ in
          if let opening = style.openingChunk() { try await writer.write(try Self.event(opening)) }
          var next: GenerationEvent? = first
          while let event = next {
            switch event {
            case .delta(let piece):
              try await writer.write(try Self.event(style.deltaChunk(piece)))
            case .finished(let reason, let usage):
              let finishReason = try reason.openAIValue()
              try await writer.write(try Self.event(style.finishChunk(finishReason)))
              if includeUsage { try await writer.write(try Self.event(style.usageChunk(usage))) }
              try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
              Self.logFinished(finishReason, usage, logger: logger)
              return
            }
            next = try await cursor.next()
          }
          throw Self.endedEarly
        }
      } catch is CancellationError {
        logger.info("client disconnected; generation cancelled")
        throw CancellationError()
      } catch {
        let failure = OpenAIError(translating: error)
        logger.warning(
          "generation failed mid-stream", metadata: ["error.code": "\(failure.code ?? failure.type)"])
        try await writer.write(try Self.event(OpenAIErrorBody(error: failure)))
      }
      try await writer.finish(nil)
    }
    return Response(
      status: .ok,
      headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .connection: "close"],
      body: body)
  }

  private static let endedEarly = CocoonError(.peerLost, "the generation ended without a final result")

  /// One server-sent event: `data: <json>` and a blank line.
  static func event(_ value: some Encodable) throws(OpenAIError) -> ByteBuffer {
    var buffer = ByteBuffer(string: "data: ")
    var json = try JSONCoding.encode(value)
    buffer.writeBuffer(&json)
    buffer.writeString("\n\n")
    return buffer
  }

  private static func logFinished(_ reason: String, _ usage: TokenUsage, logger: Logger) {
    logger.info(
      "generation finished",
      metadata: [
        "finish_reason": "\(reason)", "prompt_tokens": "\(usage.promptTokens)",
        "completion_tokens": "\(usage.completionTokens)",
      ])
  }
}

/// The gateway's event stream, read first by the handler and then by the response body.
///
/// `@unchecked Sendable` because the iterator is not: the two readers never overlap, since the handler has
/// returned before Hummingbird starts writing the body. Dropping the cursor drops the stream, which ends it upstream.
final class EventCursor: @unchecked Sendable {
  private var iterator: AsyncThrowingStream<GenerationEvent, any Error>.AsyncIterator

  init(_ stream: AsyncThrowingStream<GenerationEvent, any Error>) {
    iterator = stream.makeAsyncIterator()
  }

  func next() async throws -> GenerationEvent? {
    try await iterator.next()
  }
}
