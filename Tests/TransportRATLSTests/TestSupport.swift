import CocoonCore
import CocoonTransportRATLS
import Foundation
import Logging
import Synchronization
import Testing

/// Collects log messages (with metadata) so tests can see why a listener refused a peer.
final class LogCapture: Sendable {
  private let lines = Mutex<[String]>([])

  var logger: Logger {
    Logger(label: "test") { _ in Handler(capture: self) }
  }

  var all: [String] { lines.withLock { $0 } }

  func append(_ line: String) { lines.withLock { $0.append(line) } }

  struct Handler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let merged = metadata.merging(event.metadata ?? [:]) { $1 }
      let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      capture.append(([event.message.description] + fields).joined(separator: " "))
    }
  }
}

/// What a listener saw: the peers its handler was called for.
final class PeerLog: Sendable {
  private let peers = Mutex<[PeerInfo]>([])
  func record(_ peer: PeerInfo) { peers.withLock { $0.append(peer) } }
  var all: [PeerInfo] { peers.withLock { $0 } }
}

/// Runs `transport` as a loopback listener that echoes each frame back prefixed with `echo:`, calls `body` with
/// its address, then stops it.
func withEchoListener<R: Sendable>(
  _ transport: any Transport, security: TransportSecurity, peers: PeerLog = PeerLog(),
  _ body: (Endpoint) async throws -> R
) async throws -> R {
  let (addresses, continuation) = AsyncStream<Endpoint>.makeStream()
  let server = Task {
    defer { continuation.finish() }
    try await transport.serve(
      on: Endpoint(host: "127.0.0.1", port: 0), security: security, bound: { continuation.yield($0) },
      handler: { connection in
        peers.record(connection.peer)
        while let frame = try? await connection.receive() {
          try? await connection.send(Data("echo:".utf8) + frame)
        }
      })
  }
  defer { server.cancel() }
  var iterator = addresses.makeAsyncIterator()
  guard let endpoint = await iterator.next() else {
    try await server.value
    throw CocoonError(.transportFailed, "the listener stopped before binding")
  }
  let result = try await body(endpoint)
  server.cancel()
  _ = await server.result
  return result
}

/// Sends `text` and returns the answer.
func roundTrip(_ connection: any Connection, _ text: String) async throws -> String? {
  try await connection.send(Data(text.utf8))
  return try await connection.receive().map { String(decoding: $0, as: UTF8.self) }
}

/// The handshake limit in tests: generous, since ~300 tests share two cores in CI and an attestation check may
/// wait its turn for a while; refusals are detected by the checks, never by this timeout.
let testHandshakeTimeout = Duration.seconds(120)

func transport(logger: Logger = Logger(label: "test"), now: @escaping @Sendable () -> Date = { Date() })
  -> RATLSTransport
{
  RATLSTransport(handshakeTimeout: testHandshakeTimeout, logger: logger, now: now)
}

/// A clock tests move by hand.
final class TestClock: Sendable {
  private let current = Mutex(Date())

  var now: @Sendable () -> Date { { self.current.withLock { $0 } } }

  func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// Waits (up to 10 s, polling) until `condition` holds, for effects another task logs asynchronously.
func eventually(_ condition: () -> Bool) async throws {
  for _ in 0..<1000 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
  #expect(condition())
}
