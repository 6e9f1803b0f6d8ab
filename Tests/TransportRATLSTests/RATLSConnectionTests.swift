import CocoonCore
import CocoonTransportRATLS
import Foundation
import Logging
import Testing

@Suite("ratls: attested connections")
struct RATLSConnectionTests {
  @Test("a node and a coordinator see each other's attested identity and frames flow both ways")
  func nodeToCoordinator() async throws {
    let peers = PeerLog()
    let answers = try await withEchoListener(transport(), security: Fixture.coordinator, peers: peers) { endpoint in
      try await transport().connect(to: endpoint, expecting: .coordinator, security: Fixture.node) { connection in
        #expect(connection.peer.role == .coordinator)
        #expect(connection.peer.identity?.imageHash == Fixture.coordinatorImage)
        #expect(connection.peer.identity?.tee == .testDouble)
        return [try await roundTrip(connection, "hello"), try await roundTrip(connection, "again")]
      }
    }
    #expect(answers == ["echo:hello", "echo:again"])
    let seen = try #require(peers.all.first)
    #expect(seen.role == .node)
    #expect(seen.identity?.imageHash == Fixture.nodeImage)
    #expect(seen.identity?.reportData.count == 64)
  }

  @Test("a client without a TEE presents no evidence and a coordinator accepts it")
  func clientWithoutEvidence() async throws {
    let peers = PeerLog()
    let answer = try await withEchoListener(transport(), security: Fixture.coordinator, peers: peers) { endpoint in
      try await transport().connect(to: endpoint, expecting: .coordinator, security: Fixture.client) { connection in
        #expect(connection.peer.identity?.imageHash == Fixture.coordinatorImage)
        return try await roundTrip(connection, "ping")
      }
    }
    #expect(answer == "echo:ping")
    let seen = try #require(peers.all.first)
    #expect(seen.role == .client)
    #expect(seen.identity == nil)
  }

  @Test("a coordinator requiring client evidence refuses a client without it")
  func clientEvidenceRequired() async throws {
    let strict = RATLSTransport(requireClientEvidence: true, handshakeTimeout: testHandshakeTimeout, logger: .init(label: "test"))
    let peers = PeerLog()
    await withEchoListenerExpectingRefusal(strict, security: Fixture.coordinator, peers: peers) { endpoint in
      try await transport().connect(to: endpoint, expecting: .coordinator, security: Fixture.client) {
        try await roundTrip($0, "ping")
      }
    }
    #expect(peers.all.isEmpty)
  }

  @Test("the second connection with the same certificate is answered from the verification cache")
  func verificationCache() async throws {
    let listener = transport()
    let node = transport()
    try await withEchoListener(listener, security: Fixture.coordinator) { endpoint in
      for _ in 0..<3 {
        _ = try await node.connect(to: endpoint, expecting: .coordinator, security: Fixture.node) {
          try await roundTrip($0, "x")
        }
      }
    }
    #expect(listener.verifier.cacheStatistics.misses == 1)
    #expect(listener.verifier.cacheStatistics.hits == 2)
    #expect(node.verifier.cacheStatistics.misses == 1)
    #expect(node.verifier.cacheStatistics.hits == 2)
  }

  @Test("once a certificate nears expiry, new connections present a freshly issued one")
  func renewal() async throws {
    let clock = TestClock()
    let listener = RATLSTransport(certificateLifetime: 3600, handshakeTimeout: testHandshakeTimeout, logger: .init(label: "test"), now: clock.now)
    let node = RATLSTransport(certificateLifetime: 3600, handshakeTimeout: testHandshakeTimeout, logger: .init(label: "test"), now: clock.now)
    try await withEchoListener(listener, security: Fixture.coordinator) { endpoint in
      for advance in [0, 600, 2400] as [TimeInterval] {
        clock.advance(by: advance)
        _ = try await node.connect(to: endpoint, expecting: .coordinator, security: Fixture.node) {
          try await roundTrip($0, "x")
        }
      }
    }
    // 0 and +10 min share the first certificate; at +50 min (past three quarters of the hour) it was re-issued.
    #expect(listener.verifier.cacheStatistics.misses == 2)
    #expect(listener.verifier.cacheStatistics.hits == 1)
  }

  @Test("plugin options out of range are refused, naming the option and the accepted range")
  func optionRanges() async throws {
    let context = PluginContext(role: .node, logger: .init(label: "test"), baseDirectory: "/", insecureAllowed: false)
    for json in [#"{"certificateLifetimeSeconds": 5}"#, #"{"maxFrameBytes": 10}"#, #"{"handshakeTimeoutSeconds": 0}"#] {
      let options = try JSONDecoder().decode(RATLSTransportPlugin.Options.self, from: Data(json.utf8))
      let error = await #expect(throws: CocoonError.self) {
        _ = try await RATLSTransportPlugin.make(options: options, context: context)
      }
      #expect(error?.code == .invalidPluginOptions)
      #expect(error?.reason.contains("accepted") == true)
    }
    let defaults = try JSONDecoder().decode(RATLSTransportPlugin.Options.self, from: Data("{}".utf8))
    #expect(try await RATLSTransportPlugin.make(options: defaults, context: context) is RATLSTransport)
  }

  @Test("a node without an attestation provider cannot connect: nodes must present evidence")
  func nodeNeedsProvider() async throws {
    let error = await #expect(throws: CocoonError.self) {
      try await withEchoListener(transport(), security: Fixture.coordinator) { endpoint in
        try await transport().connect(
          to: endpoint, expecting: .coordinator, security: Fixture.security(.node, provider: nil)
        ) { _ in }
      }
    }
    #expect(error?.code == .unavailable)
  }
}

/// Runs an echo listener and `body`, expecting `body` to throw because the listener refused the connection.
func withEchoListenerExpectingRefusal(
  _ transport: any Transport, security: TransportSecurity, peers: PeerLog,
  _ body: @escaping (Endpoint) async throws -> String?
) async {
  await #expect(throws: CocoonError.self) {
    try await withEchoListener(transport, security: security, peers: peers) { endpoint in try await body(endpoint) }
  }
}
