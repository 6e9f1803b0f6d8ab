import CocoonCore
import CocoonTransportRATLS
import Foundation
import Logging
import Testing

@Suite("ratls: refused peers")
struct RATLSRefusalTests {
  /// Connects a node to a coordinator listener whose `security`/clock may be wrong; returns connect's error.
  func connectError(
    listener: RATLSTransport = transport(), listenerSecurity: TransportSecurity = Fixture.coordinator,
    node: RATLSTransport = transport(), nodeSecurity: TransportSecurity = Fixture.node,
    expecting role: Role = .coordinator, peers: PeerLog = PeerLog()
  ) async -> CocoonError? {
    await #expect(throws: CocoonError.self) {
      try await withEchoListener(listener, security: listenerSecurity, peers: peers) { endpoint in
        try await node.connect(to: endpoint, expecting: role, security: nodeSecurity) { try await roundTrip($0, "x") }
      }
    }
  }

  @Test("a listener whose evidence binds other report data than SHA-512(claims) is refused, naming the check")
  func wrongReportDataFromListener() async throws {
    let bad = Fixture.security(
      .coordinator, provider: TestDoubleProvider(imageHash: Fixture.coordinatorImage, wrongReportData: true))
    let error = try #require(await connectError(listenerSecurity: bad))
    #expect(error.code == .attestationFailed)
    #expect(error.reason.contains("'evidence'"))
    #expect(error.reason.contains("reportData"))
  }

  @Test("a node whose evidence binds other report data is refused by the listener, which logs the check")
  func wrongReportDataFromNode() async throws {
    let log = LogCapture()
    let peers = PeerLog()
    let bad = Fixture.security(.node, provider: TestDoubleProvider(imageHash: Fixture.nodeImage, wrongReportData: true))
    let error = try #require(
      await connectError(listener: transport(logger: log.logger), nodeSecurity: bad, peers: peers))
    #expect(error.code == .transportFailed)
    #expect(peers.all.isEmpty)
    #expect(
      log.all.contains { $0.contains("refused a peer") && $0.contains("'evidence'") && $0.contains("reportData") })
  }

  @Test("an image hash not allowed for the peer's role is refused, naming the policy check")
  func imageNotAllowed() async throws {
    let rogue = Fixture.security(.coordinator, provider: TestDoubleProvider(imageHash: Fixture.unknownImage))
    let error = try #require(await connectError(listenerSecurity: rogue))
    #expect(error.code == .attestationFailed)
    #expect(error.reason.contains("'policy'"))
    #expect(error.reason.contains("imageHash"))
  }

  @Test("a node image presented as a coordinator is refused (images are allowed per role)")
  func imageOfAnotherRole() async throws {
    let impostor = Fixture.security(.coordinator, provider: TestDoubleProvider(imageHash: Fixture.nodeImage))
    let error = try #require(await connectError(listenerSecurity: impostor))
    #expect(error.reason.contains("'policy'"))
  }

  @Test("a node whose image is not allowed is refused by the listener, which logs the policy check")
  func nodeImageNotAllowed() async throws {
    let log = LogCapture()
    let peers = PeerLog()
    let rogue = Fixture.security(.node, provider: TestDoubleProvider(imageHash: Fixture.unknownImage))
    _ = try #require(await connectError(listener: transport(logger: log.logger), nodeSecurity: rogue, peers: peers))
    #expect(peers.all.isEmpty)
    #expect(log.all.contains { $0.contains("'policy'") && $0.contains("imageHash") })
  }

  @Test("an expired certificate is refused, naming the validity check")
  func expiredCertificate() async throws {
    let twoHoursAgo = Date().addingTimeInterval(-7200)
    let stale = transport(now: { twoHoursAgo })
    let error = try #require(await connectError(listener: stale))
    #expect(error.code == .attestationFailed)
    #expect(error.reason.contains("'validity'"))
    #expect(error.reason.contains("expired"))
  }

  @Test("a certificate from the future is refused by the listener, which logs the validity check")
  func certificateNotYetValid() async throws {
    let log = LogCapture()
    let later = Date().addingTimeInterval(7200)
    // The listener's certificate outlives the node's clock jump, so only the listener refuses.
    let listener = RATLSTransport(certificateLifetime: 4 * 3600, handshakeTimeout: testHandshakeTimeout, logger: log.logger)
    _ = try #require(await connectError(listener: listener, node: transport(now: { later })))
    #expect(log.all.contains { $0.contains("'validity'") && $0.contains("not valid before") })
  }

  @Test("a peer claiming another role than expected is refused, naming the role check")
  func unexpectedRole() async throws {
    let error = try #require(await connectError(listenerSecurity: Fixture.node, expecting: .coordinator))
    #expect(error.code == .attestationFailed)
    #expect(error.reason.contains("'role'"))
  }

  @Test("evidence of a kind without a configured verifier is refused, naming the evidence check")
  func noVerifierForKind() async throws {
    var blind = Fixture.node
    blind.verifiers = [:]
    let error = try #require(await connectError(nodeSecurity: blind))
    #expect(error.reason.contains("'evidence'"))
    #expect(error.reason.contains("no verifier"))
  }
}
