import CocoonClient
import CocoonCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("OpenAI error responses")
struct ErrorResponseTests {
  static let chat = #"{"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}]}"#

  /// Bodies the API refuses with 400, and a word the message must contain.
  static let badRequests: [(body: String, mentions: String)] = [
    ("{not json", "not valid JSON"),
    ("", "empty"),
    ("[1, 2]", "wrong type"),
    (#"{"messages": [{"role": "user", "content": "Hi"}]}"#, "'model'"),
    (#"{"model": "m"}"#, "'messages'"),
    (#"{"model": "m", "messages": []}"#, "at least one message"),
    (#"{"model": "m", "messages": [{"content": "Hi"}]}"#, "messages[0].role"),
    (#"{"model": "m", "messages": [{"role": "tool", "content": "Hi"}]}"#, "accepted: system"),
    (#"{"model": "m", "messages": [{"role": "user", "content": 5}]}"#, "messages[0].content"),
    (#"{"model": "m", "messages": [{"role": "user", "content": [{"type": "image_url"}]}]}"#, "only text parts"),
    (#"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "n": 2}"#, "'n' must be 1"),
    (#"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "temperature": 3}"#, "'temperature'"),
    (#"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "top_p": 0}"#, "'top_p'"),
    (#"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 0}"#, "'max_tokens'"),
    (#"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": "9"}"#, "max_tokens"),
    (#"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stop": [1]}"#, "array of strings"),
    (
      #"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "frequency_penalty": 0.5}"#,
      "repetition_penalty"
    ),
    (#"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "logprobs": true}"#, "'logprobs'"),
    (#"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "tools": [{"type": "function"}]}"#, "'tools'"),
  ]

  @Test("malformed or out-of-range requests are 400 invalid_request_error saying what is wrong", arguments: badRequests)
  func badRequest(body: String, mentions: String) async throws {
    let gateway = GatewayDouble()
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: body)
      #expect(response.status == .badRequest)
      let error = try errorObject(response.body)
      #expect(error["type"] as? String == "invalid_request_error")
      let message = try #require(error["message"] as? String)
      #expect(message.contains(mentions), "message: \(message)")
    }
    #expect(gateway.requests.isEmpty)
  }

  /// Gateway refusals and the status, type and code the API answers them with.
  static let refusals: [(code: CocoonError.Code, status: Int, type: String, openAICode: String)] = [
    (.unknownModel, 404, "invalid_request_error", "model_not_found"),
    (.tooManyTokens, 400, "invalid_request_error", "context_length_exceeded"),
    (.noNodeAvailable, 503, "server_error", "no_node_available"),
    (.overloaded, 429, "rate_limit_error", "overloaded"),
    (.insufficientBalance, 402, "insufficient_quota", "insufficient_quota"),
    (.peerLost, 502, "server_error", "peer_lost"),
  ]

  @Test("gateway refusals map to OpenAI's statuses and codes, streamed or not", arguments: refusals, [false, true])
  func refusal(
    refusal: (code: CocoonError.Code, status: Int, type: String, openAICode: String), stream: Bool
  ) async throws {
    let gateway = GatewayDouble(script: .refuse(CocoonError(refusal.code, "refused: \(refusal.code)")))
    let body = #"{"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}], "stream": \#(stream)}"#
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: body)
      #expect(response.status.code == refusal.status)
      #expect(response.headers[.contentType] == "application/json")
      let error = try errorObject(response.body)
      #expect(error["type"] as? String == refusal.type)
      #expect(error["code"] as? String == refusal.openAICode)
      #expect(error["message"] as? String == "refused: \(refusal.code)")
      if refusal.code == .overloaded { #expect(response.headers[.retryAfter] == "1") }
    }
  }

  @Test("a refusal arriving as the stream's first event still gets its HTTP status")
  func refusalAsFirstEvent() async throws {
    let gateway = GatewayDouble(script: .fail(after: [], CocoonError(.unknownModel, "no such model")))
    let body = #"{"model": "nope", "messages": [{"role": "user", "content": "Hi"}], "stream": true}"#
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: body)
      #expect(response.status == .notFound)
      #expect(try errorObject(response.body)["code"] as? String == "model_not_found")
    }
  }

  @Test("a failure after streaming started is an SSE error event, and the stream ends without [DONE]")
  func midStreamFailure() async throws {
    let gateway = GatewayDouble(script: .fail(after: [.delta("Hel")], CocoonError(.peerLost, "the node went away")))
    let body = #"{"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}], "stream": true}"#
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: body)
      #expect(response.status == .ok)
      let payloads = try ssePayloads(response.body)
      #expect(!payloads.contains("[DONE]"))
      let error = try jsonObject(try #require(payloads.last)).object("error")
      #expect(error["code"] as? String == "peer_lost")
      #expect(error["message"] as? String == "the node went away")
      #expect(try jsonObject(payloads[1]).array("choices")[0].object("delta")["content"] as? String == "Hel")
    }
  }

  @Test("a whole completion failing midway is an error response, not partial text")
  func wholeFailure() async throws {
    let gateway = GatewayDouble(script: .fail(after: [.delta("Hel")], CocoonError(.peerLost, "the node went away")))
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: Self.chat)
      #expect(response.status == .badGateway)
      #expect(try errorObject(response.body)["code"] as? String == "peer_lost")
    }
  }

  @Test("a body over the size limit is 413 request_too_large")
  func tooLarge() async throws {
    let gateway = GatewayDouble()
    try await makeServer(gateway, maxRequestBytes: 64).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: Self.chat + String(repeating: " ", count: 64))
      #expect(response.status == .contentTooLarge)
      #expect(try errorObject(response.body)["code"] as? String == "request_too_large")
    }
    #expect(gateway.requests.isEmpty)
  }

  @Test("unknown routes are 404 in OpenAI's shape")
  func unknownRoute() async throws {
    try await makeServer(GatewayDouble()).makeApplication().test(.router) { client in
      let response = try await client.execute(uri: "/v1/embeddings", method: .post)
      #expect(response.status == .notFound)
      let error = try errorObject(response.body)
      #expect(error["type"] as? String == "invalid_request_error")
      #expect(error["code"] as? String == "unknown_url")
    }
  }

  @Test("a request the network cancelled is 503 cancelled, not a normal finish")
  func cancelledUpstream() async throws {
    let gateway = GatewayDouble(script: .events([.delta("Hel"), .finished(.cancelled, TokenUsage(promptTokens: 1))]))
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: Self.chat)
      #expect(response.status == .serviceUnavailable)
      #expect(try errorObject(response.body)["code"] as? String == "cancelled")
    }
  }

  @Test("other network failures are 503 with their reason")
  func otherFailure() async throws {
    try await makeServer(GatewayDouble(script: .refuse(CocoonError(.transportFailed, "handshake failed"))))
      .makeApplication().test(.router) { client in
        let response = try await client.post("/v1/chat/completions", json: Self.chat)
        #expect(response.status == .serviceUnavailable)
        #expect(try errorObject(response.body)["message"] as? String == "handshake failed")
      }
  }
}
