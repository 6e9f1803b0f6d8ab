import CocoonClient
import CocoonCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("POST /v1/chat/completions")
struct ChatCompletionsTests {
  static let hello = #"{"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}]}"#

  @Test("a whole completion has OpenAI's shape and the exact usage")
  func whole() async throws {
    let gateway = GatewayDouble()
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: Self.hello)
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "application/json")
      let body = try jsonObject(response.body)
      #expect(body["object"] as? String == "chat.completion")
      #expect(body["model"] as? String == "gemma-3-270m")
      let id = try #require(body["id"] as? String)
      #expect(id.hasPrefix("chatcmpl-"))
      #expect(response.headers[HTTPField.Name("X-Request-ID")!].map { id.hasSuffix($0) } == true)
      #expect((body["created"] as? Int ?? 0) > 1_700_000_000)
      let choices = try body.array("choices")
      #expect(choices.count == 1)
      #expect(choices[0]["index"] as? Int == 0)
      #expect(choices[0]["finish_reason"] as? String == "stop")
      let message = try choices[0].object("message")
      #expect(message["role"] as? String == "assistant")
      #expect(message["content"] as? String == "Hello, world!")
      try expectHelloUsage(body.object("usage"))
    }
    #expect(gateway.endings == [.finished])
  }

  @Test("messages, sampling, stop strings and lengths reach the gateway as a GenerationRequest")
  func requestMapping() async throws {
    let gateway = GatewayDouble()
    let json = #"""
      {"model": "gemma-3-270m", "user": "ignored", "n": 1, "frequency_penalty": 0,
       "messages": [{"role": "developer", "content": "Be brief."},
                    {"role": "user", "content": [{"type": "text", "text": "Say "}, {"type": "text", "text": "hi"}]},
                    {"role": "assistant", "content": null}],
       "max_tokens": 50, "max_completion_tokens": 20, "temperature": 0.5, "top_p": 0.9, "top_k": 40, "min_p": 0.05,
       "repetition_penalty": 1.1, "seed": 42, "stop": ["\n", "END"]}
      """#
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: json)
      #expect(response.status == .ok)
    }
    let request = try #require(gateway.requests.first)
    #expect(request.model == "gemma-3-270m")
    #expect(
      request.input
        == .chat([
          ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "user", content: "Say hi"),
          ChatMessage(role: "assistant", content: ""),
        ]))
    #expect(request.maxTokens == 20)
    #expect(request.sampling.temperature == 0.5)
    #expect(request.sampling.topP == 0.9)
    #expect(request.sampling.topK == 40)
    #expect(request.sampling.minP == 0.05)
    #expect(request.sampling.repetitionPenalty == 1.1)
    #expect(request.sampling.seed == 42)
    #expect(request.stop == ["\n", "END"])
  }

  @Test("defaults: max_tokens from the configuration, OpenAI's sampling defaults, stop as one string")
  func defaults() async throws {
    let gateway = GatewayDouble()
    let json = #"{"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stop": "."}"#
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: json)
      #expect(response.status == .ok)
    }
    let request = try #require(gateway.requests.first)
    #expect(request.maxTokens == OpenAIServer.Configuration(listen: .init(host: "::1", port: 1)).defaultMaxTokens)
    #expect(request.sampling == SamplingParameters())
    #expect(request.stop == ["."])
  }

  @Test("a length limit is reported as finish_reason length")
  func lengthFinish() async throws {
    let usage = TokenUsage(promptTokens: 1, completionTokens: 3)
    let gateway = GatewayDouble(script: .events([.delta("abc"), .finished(.length, usage)]))
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let body = try jsonObject(try await client.post("/v1/chat/completions", json: Self.hello).body)
      #expect(try body.array("choices")[0]["finish_reason"] as? String == "length")
    }
  }

  @Test("a streamed completion: role chunk, content chunks, finish chunk, usage chunk, [DONE]")
  func streamed() async throws {
    let gateway = GatewayDouble()
    let json = #"""
      {"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}], "stream": true,
       "stream_options": {"include_usage": true}}
      """#
    try await makeServer(gateway).makeApplication().test(.router) { client in
      let response = try await client.post("/v1/chat/completions", json: json)
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "text/event-stream")
      #expect(response.headers[.cacheControl] == "no-cache")
      let payloads = try ssePayloads(response.body)
      #expect(payloads.last == "[DONE]")
      let chunks = try payloads.dropLast().map { try jsonObject($0) }
      try #require(chunks.count == 6)
      let ids = Set(chunks.compactMap { $0["id"] as? String })
      #expect(ids.count == 1 && ids.first?.hasPrefix("chatcmpl-") == true)
      #expect(chunks.allSatisfy { $0["object"] as? String == "chat.completion.chunk" })
      #expect(chunks.allSatisfy { $0["model"] as? String == "gemma-3-270m" })

      let deltas = try chunks.prefix(5).map { try $0.array("choices")[0].object("delta") }
      #expect(deltas[0]["role"] as? String == "assistant")
      #expect(deltas[1...3].map { $0["content"] as? String } == ["Hello", ", world", "!"])
      #expect(deltas[4].isEmpty)
      let finishReasons = try chunks.prefix(5).map { try $0.array("choices")[0]["finish_reason"] as? String }
      #expect(finishReasons == [nil, nil, nil, nil, "stop"])
      #expect(chunks.prefix(5).allSatisfy { $0["usage"] == nil })

      #expect(try chunks[5].array("choices").isEmpty)
      try expectHelloUsage(chunks[5].object("usage"))
    }
    #expect(gateway.endings == [.finished])
  }

  @Test("without stream_options.include_usage the stream carries no usage chunk")
  func streamedWithoutUsage() async throws {
    let json = #"{"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}], "stream": true}"#
    try await makeServer(GatewayDouble()).makeApplication().test(.router) { client in
      let payloads = try ssePayloads(try await client.post("/v1/chat/completions", json: json).body)
      #expect(payloads.count == 6)
      #expect(payloads.last == "[DONE]")
      #expect(try payloads.dropLast().allSatisfy { try jsonObject($0)["usage"] == nil })
    }
  }
}
