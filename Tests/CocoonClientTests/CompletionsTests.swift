import CocoonClient
import CocoonCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("POST /v1/completions")
struct CompletionsTests {
  @Test("a whole text completion has OpenAI's shape and the exact usage")
  func whole() async throws {
    let gateway = GatewayDouble()
    let json = #"{"model": "gemma-3-270m", "prompt": "Once upon", "max_tokens": 5, "temperature": 0, "stop": "\n"}"#
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/completions", json: json)
      #expect(response.status == .ok)
      let body = try jsonObject(response.body)
      #expect(body["object"] as? String == "text_completion")
      #expect((body["id"] as? String)?.hasPrefix("cmpl-") == true)
      #expect(body["model"] as? String == "gemma-3-270m")
      let choice = try body.array("choices")[0]
      #expect(choice["text"] as? String == "Hello, world!")
      #expect(choice["index"] as? Int == 0)
      #expect(choice["finish_reason"] as? String == "stop")
      try expectHelloUsage(body.object("usage"))
    }
    let request = try #require(gateway.requests.first)
    #expect(request.input == .prompt("Once upon"))
    #expect(request.maxTokens == 5)
    #expect(request.sampling.temperature == 0)
    #expect(request.stop == ["\n"])
  }

  @Test("a prompt may be an array of exactly one string")
  func promptArray() async throws {
    let gateway = GatewayDouble()
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let one = try await client.post("/v1/completions", json: #"{"model": "m", "prompt": ["Hi"]}"#)
      #expect(one.status == .ok)
      let two = try await client.post("/v1/completions", json: #"{"model": "m", "prompt": ["a", "b"]}"#)
      #expect(two.status == .badRequest)
      let missing = try await client.post("/v1/completions", json: #"{"model": "m"}"#)
      #expect(try errorObject(missing.body)["param"] as? String == "prompt")
      let echo = try await client.post("/v1/completions", json: #"{"model": "m", "prompt": "x", "echo": true}"#)
      #expect(try (errorObject(echo.body)["message"] as? String)?.contains("echo") == true)
    }
    #expect(gateway.requests.map(\.input) == [.prompt("Hi")])
  }

  @Test("a streamed text completion: text chunks, finish chunk, usage chunk, [DONE]")
  func streamed() async throws {
    let json = #"{"model": "gemma-3-270m", "prompt": "Hi", "stream": true, "stream_options": {"include_usage": true}}"#
    try await makeServer(GatewayDouble()).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/completions", json: json)
      #expect(response.headers[.contentType] == "text/event-stream")
      let payloads = try ssePayloads(response.body)
      #expect(payloads.last == "[DONE]")
      let chunks = try payloads.dropLast().map { try jsonObject($0) }
      try #require(chunks.count == 5)
      #expect(chunks.allSatisfy { $0["object"] as? String == "text_completion" })
      let choices = try chunks.prefix(4).map { try $0.array("choices")[0] }
      #expect(choices.map { $0["text"] as? String } == ["Hello", ", world", "!", ""])
      #expect(choices.map { $0["finish_reason"] as? String } == [nil, nil, nil, "stop"])
      #expect(try chunks[4].array("choices").isEmpty)
      try expectHelloUsage(chunks[4].object("usage"))
    }
  }
}

@Suite("GET /v1/models and the access token")
struct ModelsAndAccessTests {
  @Test("models are listed in OpenAI's shape")
  func models() async throws {
    let gateway = GatewayDouble(models: ["gemma-3-270m", "qwen3-0.6b"])
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.execute(uri: "/v1/models", method: .get)
      #expect(response.status == .ok)
      let body = try jsonObject(response.body)
      #expect(body["object"] as? String == "list")
      let data = try body.array("data")
      #expect(data.map { $0["id"] as? String } == ["gemma-3-270m", "qwen3-0.6b"])
      #expect(data.allSatisfy { $0["object"] as? String == "model" && $0["owned_by"] as? String == "cocoon" })
      #expect(data.allSatisfy { ($0["created"] as? Int ?? 0) > 1_700_000_000 })
    }
  }

  @Test("one model is retrieved by id; an unknown one is 404 model_not_found")
  func retrieveModel() async throws {
    try await makeServer(GatewayDouble(models: ["gemma-3-270m"])).makeApplication().test(.router) { client in
      let known = try await client.execute(uri: "/v1/models/gemma-3-270m", method: .get)
      #expect(known.status == .ok)
      let body = try jsonObject(known.body)
      #expect(body["id"] as? String == "gemma-3-270m")
      #expect(body["object"] as? String == "model")
      let unknown = try await client.execute(uri: "/v1/models/nope", method: .get)
      #expect(unknown.status == .notFound)
      #expect(try errorObject(unknown.body)["code"] as? String == "model_not_found")
    }
  }

  @Test("with an access token, requests need the matching bearer token")
  func accessToken() async throws {
    let gateway = GatewayDouble()
    try await makeServer(gateway, accessToken: "s3cret").makeApplication().test(.router) { client in
      let missing = try await client.execute(uri: "/v1/models", method: .get)
      #expect(missing.status == .unauthorized)
      #expect(try errorObject(missing.body)["code"] as? String == "invalid_api_key")

      let wrong = try await client.execute(uri: "/v1/models", method: .get, headers: [.authorization: "Bearer s3crex"])
      #expect(wrong.status == .unauthorized)
      let message = try #require(try errorObject(wrong.body)["message"] as? String)
      #expect(!message.contains("s3cre"))

      let unguarded = try await client.post("/v1/completions", json: #"{"model": "m", "prompt": "x"}"#)
      #expect(unguarded.status == .unauthorized)

      let right = try await client.execute(uri: "/v1/models", method: .get, headers: [.authorization: "Bearer s3cret"])
      #expect(right.status == .ok)
    }
    #expect(gateway.requests.isEmpty)
  }

  @Test("every response carries a distinct request id")
  func requestIDs() async throws {
    try await makeServer(GatewayDouble()).makeApplication().test(.router) { client in
      let first = try await client.execute(uri: "/v1/models", method: .get)
      let second = try await client.execute(uri: "/nowhere", method: .get)
      let ids = [first, second].compactMap { $0.headers[HTTPField.Name("X-Request-ID")!] }
      #expect(ids.count == 2)
      #expect(Set(ids).count == 2)
    }
  }
}
