import CocoonCore
import CocoonWire
import Foundation
import Logging
import Synchronization
import SwiftProtobuf
import Testing

/// One end of an in-memory connection pair with a bounded queue each way.
final class MemoryConnection: Connection, @unchecked Sendable {
  let peer = PeerInfo(role: .node, identity: nil, remoteAddress: "memory")
  let incoming: AsyncStream<Data>
  var iterator: AsyncStream<Data>.Iterator
  let outgoing: AsyncStream<Data>.Continuation
  let ownIncoming: AsyncStream<Data>.Continuation
  let sent = Mutex(0)
  let silent: Bool

  init(
    incoming: AsyncStream<Data>, ownIncoming: AsyncStream<Data>.Continuation, outgoing: AsyncStream<Data>.Continuation,
    silent: Bool = false
  ) {
    self.incoming = incoming
    self.iterator = incoming.makeAsyncIterator()
    self.ownIncoming = ownIncoming
    self.outgoing = outgoing
    self.silent = silent
  }

  static func pair(secondSilent: Bool = false) -> (MemoryConnection, MemoryConnection) {
    let (a, toA) = AsyncStream<Data>.makeStream()
    let (b, toB) = AsyncStream<Data>.makeStream()
    return (
      MemoryConnection(incoming: a, ownIncoming: toA, outgoing: toB),
      MemoryConnection(incoming: b, ownIncoming: toB, outgoing: toA, silent: secondSilent)
    )
  }

  let received = Mutex(0)

  func receive() async throws -> Data? {
    let frame = await iterator.next()
    if frame != nil { received.withLock { $0 += 1 } }
    return frame
  }
  func send(_ frame: Data) async throws {
    sent.withLock { $0 += 1 }
    if !silent { outgoing.yield(frame) }
  }
  /// Closes both directions, as closing a socket does.
  func close() async {
    outgoing.finish()
    ownIncoming.finish()
  }
}

@Suite("wire sessions")
struct WireSessionTests {
  let logger = Logger(label: "test")

  @Test("a silent peer is declared dead within the timeout")
  func deadPeerDetected() async throws {
    let (a, b) = MemoryConnection.pair(secondSilent: true)
    let settings = WireSession.Settings(pingInterval: .milliseconds(50), peerTimeout: .milliseconds(300))
    async let accepted = WireSession.accept(b, settings: settings, logger: logger) { _ in HelloAcknowledgement(role: .coordinator, networkID: "") }
    // b answers nothing (silent), so craft the ack by hand for a.
    b.outgoing.yield(try Cocoon_Wire_Envelope.with { $0.helloAck = .with { $0.version = 1 } }.serializedData())
    let (session, _) = try await WireSession.connect(a, hello: PeerHello(role: .node), settings: settings, logger: logger)
    _ = try await accepted
    let started = ContinuousClock.now
    let error = await #expect(throws: CocoonError.self) { try await session.run { _ in } }
    #expect(error?.code == .peerLost)
    // Detection, not speed: the timeout is 300 ms; this bound only catches a session that never gives up (a loaded
    // 2-core CI machine has taken 3 s).
    #expect(ContinuousClock.now - started < .seconds(20))
  }

  @Test("the handshake refuses a peer with no common version")
  func versionMismatch() async throws {
    let (a, b) = MemoryConnection.pair()
    try await a.send(Cocoon_Wire_Envelope.with { $0.hello = .with { $0.role = .node; $0.minVersion = 7; $0.maxVersion = 9 } }.serializedData())
    let error = await #expect(throws: CocoonError.self) {
      _ = try await WireSession.accept(b, logger: logger) { _ in HelloAcknowledgement(role: .coordinator, networkID: "") }
    }
    #expect(error?.reason == "no common protocol version: the peer speaks 7…9, this build 1...1")
  }

  @Test("a slow stream reader holds back the connection instead of buffering without bound")
  func backPressure() async throws {
    let (a, b) = MemoryConnection.pair()
    let settings = WireSession.Settings(streamBufferCapacity: 4)
    async let accepted = WireSession.accept(b, settings: settings, logger: logger) { _ in HelloAcknowledgement(role: .coordinator, networkID: "") }
    let (client, _) = try await WireSession.connect(a, hello: PeerHello(role: .client), settings: settings, logger: logger)
    let (server, _) = try await accepted
    let opened = StreamBox()
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.run { stream in opened.value.withLock { $0 = stream }; try? await Task.sleep(for: .seconds(60)) } }
      group.addTask { try await client.run { _ in } }
      let stream = try await client.open(
        .query(WireQuery(requestID: "r", request: GenerationRequest(model: "m", input: .prompt("x"), maxTokens: 1))))
      for index in 0..<20 { try await stream.send(.answerPart("\(index)")) }
      let deadline = ContinuousClock.now + .seconds(10)
      while opened.value.withLock({ $0 }) == nil && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(10))
      }
      try await Task.sleep(for: .milliseconds(200))
      // The server took the hello, then `capacity` messages (the query and 3 parts) and the part it waits to push;
      // the other 16 parts stay unread in the connection.
      let framesTaken = b.received.withLock { $0 }
      #expect(framesTaken == 1 + 4 + 1)
      let serverStream = try #require(opened.value.withLock { $0 })
      var read = 0
      while read < 21, let _ = try await serverStream.next() { read += 1 }
      #expect(read == 21)
      group.cancelAll()
    }
  }
}

/// Holds a stream handed over from another task.
final class StreamBox: Sendable {
  let value = Mutex<WireStream?>(nil)
}
