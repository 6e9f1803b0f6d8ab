import CocoonCore
import CocoonTransportRATLS
import CocoonTransportTCP
import Foundation
import Logging
import Testing

@Suite("ratls: plaintext and old-TLS peers")
struct RATLSPlaintextTests {
  func tcpTransport() async throws -> any Transport {
    let options = try JSONDecoder().decode(TCPTransportPlugin.Options.self, from: Data(#"{"insecure": true}"#.utf8))
    let context = PluginContext(role: .node, logger: Logger(label: "test"), baseDirectory: "/", insecureAllowed: true)
    return try await TCPTransportPlugin.make(options: options, context: context)
  }

  @Test("a plaintext tcp peer connecting to a ratls listener is refused and never reaches the handler")
  func plaintextClient() async throws {
    let peers = PeerLog()
    let tcp = try await tcpTransport()
    await #expect(throws: CocoonError.self) {
      try await withEchoListener(transport(), security: Fixture.coordinator, peers: peers) { endpoint in
        try await tcp.connect(to: endpoint, expecting: .coordinator, security: Fixture.node) {
          try await roundTrip($0, "secret prompt")
        }
      }
    }
    #expect(peers.all.isEmpty)
  }

  @Test("a ratls peer refuses a plaintext tcp listener")
  func plaintextListener() async throws {
    let peers = PeerLog()
    let tcp = try await tcpTransport()
    let error = await #expect(throws: CocoonError.self) {
      try await withEchoListener(tcp, security: Fixture.coordinator, peers: peers) { endpoint in
        try await transport().connect(to: endpoint, expecting: .coordinator, security: Fixture.node) {
          try await roundTrip($0, "secret prompt")
        }
      }
    }
    #expect(error?.code == .transportFailed)
    #expect(peers.all.isEmpty)
  }
}
