import CocoonClient
import CocoonCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// An API over a gateway double, on an ephemeral loopback port when run live.
func makeServer(_ gateway: GatewayDouble, accessToken: String? = nil, maxRequestBytes: Int? = nil) -> OpenAIServer {
  var logger = Logger(label: "test.openai")
  logger.logLevel = .critical
  var configuration = OpenAIServer.Configuration(
    listen: Endpoint(host: "127.0.0.1", port: 8080), accessToken: accessToken)
  if let maxRequestBytes { configuration.maxRequestBytes = maxRequestBytes }
  return OpenAIServer(gateway: gateway, configuration: configuration, logger: logger)
}

/// A JSON object from a response body or an SSE payload.
func jsonObject(_ text: String) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(value as? [String: Any], "not a JSON object: \(text)")
}

func jsonObject(_ buffer: ByteBuffer) throws -> [String: Any] {
  try jsonObject(String(buffer: buffer))
}

/// The `data:` payloads of a server-sent event stream, checking each event is `data: …` ended by a blank line.
func ssePayloads(_ buffer: ByteBuffer) throws -> [String] {
  let text = String(buffer: buffer)
  #expect(text.hasSuffix("\n\n"), "an SSE stream ends with a blank line")
  return try text.components(separatedBy: "\n\n").dropLast().map { event in
    let payload = try #require(event.hasPrefix("data: ") ? event.dropFirst(6) : nil, "not a data event: \(event)")
    #expect(!payload.contains("\n"))
    return String(payload)
  }
}

/// The `error` object of an OpenAI error body.
func errorObject(_ buffer: ByteBuffer) throws -> [String: Any] {
  try #require(jsonObject(buffer)["error"] as? [String: Any])
}

extension TestClientProtocol {
  /// POSTs a JSON body.
  func post(_ uri: String, json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
    var headers = headers
    headers[.contentType] = "application/json"
    return try await executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
  }
}

extension [String: Any] {
  func object(_ key: String) throws -> [String: Any] {
    try #require(self[key] as? [String: Any], "'\(key)' is not an object")
  }

  func array(_ key: String) throws -> [[String: Any]] {
    try #require(self[key] as? [[String: Any]], "'\(key)' is not an array of objects")
  }
}

/// The usage the gateway double reports for ``GatewayDouble/hello``, as OpenAI's `usage` shows it.
func expectHelloUsage(_ usage: [String: Any]) throws {
  #expect(usage["prompt_tokens"] as? Int == 7)
  #expect(usage["completion_tokens"] as? Int == 3)
  #expect(usage["total_tokens"] as? Int == 10)
  #expect(try usage.object("prompt_tokens_details")["cached_tokens"] as? Int == 2)
  #expect(try usage.object("completion_tokens_details")["reasoning_tokens"] as? Int == 1)
}
