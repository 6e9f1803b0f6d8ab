import CocoonClient
import CocoonCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The API over a real socket")
struct LiveServerTests {
  @Test("SSE framing over HTTP/1.1: headers, data events, [DONE]", .timeLimit(.minutes(1)))
  func sseOverSocket() async throws {
    let gateway = GatewayDouble()
    let json = #"""
      {"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}], "stream": true,
       "stream_options": {"include_usage": true}}
      """#
    try await makeServer(gateway).makeApplication().test(.live) { client in
      let response = try await client.post("/v1/chat/completions", json: json)
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "text/event-stream")
      #expect(response.headers[.cacheControl] == "no-cache")
      let payloads = try ssePayloads(response.body)
      #expect(payloads.count == 7)
      #expect(payloads.last == "[DONE]")
      try expectHelloUsage(jsonObject(payloads[5]).object("usage"))
      // The disconnect watch stops reading the connection, so the server closes it and says so.
      #expect(response.headers[.connection] == "close")
    }
    #expect(gateway.endings == [.finished])
  }

  @Test("a client hanging up mid-stream cancels the gateway's stream", .timeLimit(.minutes(1)))
  func disconnectCancels() async throws {
    let gateway = GatewayDouble(script: .hang(after: [.delta("Hello")]))
    try await makeServer(gateway).makeApplication().test(.live) { client in
      let socket = try LoopbackSocket(port: try #require(client.port))
      let body = #"{"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}], "stream": true}"#
      try socket.send(
        "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
      let received = try await socket.read(until: #""content":"Hello""#)
      #expect(received.hasPrefix("HTTP/1.1 200"))
      #expect(gateway.endings.isEmpty)
      socket.hangUp()
      #expect(await gateway.nextEnding() == .cancelled)
    }
  }

  @Test("a client hanging up during a whole completion cancels the gateway's stream", .timeLimit(.minutes(1)))
  func disconnectCancelsWhole() async throws {
    let gateway = GatewayDouble(script: .hang(after: [.delta("Hello")]))
    try await makeServer(gateway).makeApplication().test(.live) { client in
      let socket = try LoopbackSocket(port: try #require(client.port))
      let body = #"{"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}]}"#
      try socket.send(
        "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
      while gateway.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
      socket.hangUp()
      #expect(await gateway.nextEnding() == .cancelled)
    }
  }
}
