import CocoonCore
import CocoonTransportRATLS
import CocoonTransportTCP
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
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

  @Test("a TLS 1.2 client is refused by a ratls listener")
  func tls12Client() async throws {
    var configuration = TLSConfiguration.makeClientConfiguration()
    configuration.maximumTLSVersion = .tlsv12
    configuration.certificateVerification = .none
    let context = try NIOSSLContext(configuration: configuration)
    let peers = PeerLog()
    let log = LogCapture()
    try await withEchoListener(transport(logger: log.logger), security: Fixture.coordinator, peers: peers) { endpoint in
      let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: endpoint.host, port: endpoint.port) { channel in
          channel.eventLoop.makeCompletedFuture {
            let tls = try NIOSSLClientHandler(context: context, serverHostname: nil)
            try channel.pipeline.syncOperations.addHandler(tls)
            return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
          }
        }
      // The refusal surfaces either as the TLS alert or as the write on the channel the listener closed.
      await #expect(throws: (any Error).self) {
        try await channel.executeThenClose { inbound, outbound in
          try await outbound.write(ByteBuffer(string: "hello"))
          for try await _ in inbound {}
        }
      }
      try await eventually { log.all.contains { $0.contains("does not speak TLS 1.3") } }
    }
    #expect(peers.all.isEmpty)
  }
}
