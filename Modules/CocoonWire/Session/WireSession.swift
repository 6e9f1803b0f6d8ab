public import CocoonCore
import Foundation
public import Logging
import SwiftProtobuf
import Synchronization

/// Cocoon's protocol on one connection: a versioned handshake, then many concurrent request streams, keepalive
/// pings, cancellation both ways and bounded buffering.
///
/// Make one with ``connect(_:hello:settings:logger:)`` or ``accept(_:settings:logger:respond:)``, then call
/// ``run(incoming:)`` for as long as the connection should live; open streams with ``open(_:)`` meanwhile.
public final class WireSession: Sendable {
  /// Protocol versions this build speaks.
  public static let supportedVersions: ClosedRange<UInt32> = 1...1

  /// Timing and buffering limits.
  public struct Settings: Sendable {
    /// How often to ping when the connection is otherwise quiet.
    public var pingInterval: Duration = .seconds(5)
    /// A peer silent for this long is declared dead.
    public var peerTimeout: Duration = .seconds(15)
    /// Messages buffered per stream before the connection's reader waits for that stream's consumer.
    public var streamBufferCapacity = 64

    public init(pingInterval: Duration = .seconds(5), peerTimeout: Duration = .seconds(15), streamBufferCapacity: Int = 64) {
      self.pingInterval = pingInterval
      self.peerTimeout = peerTimeout
      self.streamBufferCapacity = streamBufferCapacity
    }
  }

  private struct State {
    var streams: [UInt64: StreamInbox] = [:]
    var nextStreamID: UInt64
    var closedReason: CocoonError?
    var lastInbound = ContinuousClock.now
  }

  public let connection: any Connection
  public let settings: Settings
  /// The version both sides speak.
  public let version: UInt32
  private let logger: Logger
  private let state: Mutex<State>

  private init(connection: any Connection, isInitiator: Bool, version: UInt32, settings: Settings, logger: Logger) {
    self.connection = connection
    self.settings = settings
    self.version = version
    self.logger = logger
    self.state = Mutex(State(nextStreamID: isInitiator ? 1 : 2))
  }

  // MARK: Handshake

  /// Performs the connecting side's handshake: sends `hello`, waits for the acknowledgement.
  public static func connect(
    _ connection: any Connection, hello: PeerHello, settings: Settings = .init(), logger: Logger
  ) async throws -> (WireSession, HelloAcknowledgement) {
    var hello = Cocoon_Wire_Hello(hello)
    hello.minVersion = supportedVersions.lowerBound
    hello.maxVersion = supportedVersions.upperBound
    try await connection.send(Cocoon_Wire_Envelope.with { $0.hello = hello }.serializedData())
    let reply = try await receiveEnvelope(connection, during: "the handshake")
    switch reply.body {
    case .helloAck(let ack):
      guard supportedVersions.contains(ack.version) else {
        throw CocoonError(.transportFailed, "the peer chose protocol version \(ack.version); this build speaks \(supportedVersions)")
      }
      return (
        WireSession(connection: connection, isInitiator: true, version: ack.version, settings: settings, logger: logger),
        ack.acknowledgement
      )
    case .error(let error):
      throw CocoonError(CocoonError.Code(error.code), "the peer refused the handshake: \(error.message)")
    default:
      throw CocoonError(.transportFailed, "the peer answered the handshake with an unexpected message")
    }
  }

  /// Performs the accepting side's handshake: reads the peer's hello, lets `respond` accept it (returning the
  /// acknowledgement) or refuse it (throwing a ``CocoonError`` that is sent back), and agrees on a version.
  public static func accept(
    _ connection: any Connection, settings: Settings = .init(), logger: Logger,
    respond: (PeerHello) async throws -> HelloAcknowledgement
  ) async throws -> (WireSession, PeerHello) {
    let first = try await receiveEnvelope(connection, during: "the handshake")
    guard case .hello(let hello) = first.body else {
      throw CocoonError(.transportFailed, "the peer did not start with a hello")
    }
    let version = min(hello.maxVersion, supportedVersions.upperBound)
    let peerHello: PeerHello
    do {
      guard hello.minVersion <= hello.maxVersion, supportedVersions.contains(version), version >= hello.minVersion else {
        throw CocoonError(
          .transportFailed,
          "no common protocol version: the peer speaks \(hello.minVersion)…\(hello.maxVersion), this build \(supportedVersions)")
      }
      do {
        peerHello = try hello.peerHello()
      } catch let error as CocoonError {
        throw CocoonError(.invalidArgument, "the peer's hello is malformed: \(error.reason)")
      }
      var ack = Cocoon_Wire_HelloAck(try await respond(peerHello))
      ack.version = version
      try await connection.send(Cocoon_Wire_Envelope.with { $0.helloAck = ack }.serializedData())
    } catch let error as CocoonError {
      try? await connection.send(
        Cocoon_Wire_Envelope.with { $0.error = .with { $0.code = error.code.identifier; $0.message = error.reason } }
          .serializedData())
      throw error
    }
    return (
      WireSession(connection: connection, isInitiator: false, version: version, settings: settings, logger: logger),
      peerHello
    )
  }

  private static func receiveEnvelope(_ connection: any Connection, during phase: String) async throws -> Cocoon_Wire_Envelope {
    guard let frame = try await connection.receive() else {
      throw CocoonError(.peerLost, "the peer closed the connection during \(phase)")
    }
    do {
      return try Cocoon_Wire_Envelope(serializedBytes: frame)
    } catch {
      throw CocoonError(.transportFailed, "the peer sent a malformed message during \(phase)")
    }
  }

  // MARK: Running

  /// Reads frames and keeps the connection alive until it closes, fails or the calling task is cancelled.
  /// Calls `incoming` (concurrently, one task each) for every stream the peer opens.
  /// - Throws: ``CocoonError`` with code `peerLost` when the peer stops answering pings or disconnects.
  public func run(incoming: @escaping @Sendable (WireStream) async -> Void) async throws {
    defer { shutDown(CocoonError(.peerLost, "the connection to the peer closed")) }
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { try await self.keepAlive() }
      while let frame = try await connection.receive() {
        state.withLock { $0.lastInbound = .now }
        let envelope: Cocoon_Wire_Envelope
        do {
          envelope = try Cocoon_Wire_Envelope(serializedBytes: frame)
        } catch {
          throw CocoonError(.transportFailed, "the peer sent a malformed frame (\(frame.count) bytes)")
        }
        if let stream = try await dispatch(envelope) {
          group.addTask { await incoming(stream) }
        }
      }
      throw CocoonError(.peerLost, "the peer closed the connection")
    }
  }

  private func keepAlive() async throws {
    var nonce: UInt64 = 0
    while true {
      try await Task.sleep(for: settings.pingInterval)
      let silence = ContinuousClock.now - state.withLock { $0.lastInbound }
      if silence > settings.peerTimeout {
        let error = CocoonError(.peerLost, "the peer did not answer for \(silence); declaring it dead")
        await connection.close()
        throw error
      }
      nonce += 1
      let ping = nonce
      try await send(Cocoon_Wire_Envelope.with { $0.ping = .with { $0.nonce = ping } })
    }
  }

  /// Routes one envelope; returns a new stream the peer opened, if any.
  private func dispatch(_ envelope: Cocoon_Wire_Envelope) async throws -> WireStream? {
    guard let body = envelope.body else { return nil }
    if envelope.streamID == 0 {
      if case .ping(let ping) = body {
        try await send(Cocoon_Wire_Envelope.with { $0.pong = .with { $0.nonce = ping.nonce } })
      }
      return nil
    }
    let (inbox, isNew): (StreamInbox?, Bool) = state.withLock { state in
      if let inbox = state.streams[envelope.streamID] { return (inbox, false) }
      let peerOpened = (envelope.streamID % 2) != (state.nextStreamID % 2)
      guard peerOpened, Self.opensStream(body) else { return (nil, false) }
      let inbox = StreamInbox(capacity: settings.streamBufferCapacity)
      state.streams[envelope.streamID] = inbox
      return (inbox, true)
    }
    guard let inbox else { return nil }  // a late message for a finished stream
    await inbox.push(body)
    if Self.endsStream(body) { finishStream(envelope.streamID) }
    return isNew ? WireStream(id: envelope.streamID, session: self, inbox: inbox) : nil
  }

  static func opensStream(_ body: Cocoon_Wire_Envelope.OneOf_Body) -> Bool {
    switch body {
    case .runQuery, .modelListRequest, .voucher: true
    default: false
    }
  }

  static func endsStream(_ body: Cocoon_Wire_Envelope.OneOf_Body) -> Bool {
    switch body {
    case .finalAnswer, .error, .modelList, .voucher: true
    default: false
    }
  }

  // MARK: Streams

  /// Opens a stream and sends its first message.
  public func open(_ first: WireMessage) async throws -> WireStream {
    let (id, inbox): (UInt64, StreamInbox) = try state.withLock { state in
      if let reason = state.closedReason { throw reason }
      let id = state.nextStreamID
      state.nextStreamID += 2
      let inbox = StreamInbox(capacity: settings.streamBufferCapacity)
      state.streams[id] = inbox
      return (id, inbox)
    }
    let stream = WireStream(id: id, session: self, inbox: inbox)
    try await stream.send(first)
    return stream
  }

  /// Sends one message on a stream (or on the connection, id 0).
  func send(_ envelope: Cocoon_Wire_Envelope) async throws {
    if let reason = state.withLock({ $0.closedReason }) { throw reason }
    try await connection.send(try envelope.serializedData())
  }

  /// Forgets a stream; its reader drains what is buffered and then ends.
  func finishStream(_ id: UInt64, throwing error: (any Error)? = nil) {
    let inbox = state.withLock { $0.streams.removeValue(forKey: id) }
    inbox?.finish(throwing: error)
  }

  /// Fails every open stream and refuses new ones.
  private func shutDown(_ reason: CocoonError) {
    let inboxes = state.withLock { state in
      if state.closedReason == nil { state.closedReason = reason }
      defer { state.streams.removeAll() }
      return Array(state.streams.values)
    }
    inboxes.forEach { $0.finish(throwing: reason) }
  }

  /// Streams currently open (for tests and metrics).
  public var openStreamCount: Int { state.withLock { $0.streams.count } }
}

/// One request's exchange on a ``WireSession``.
public struct WireStream: Sendable {
  public let id: UInt64
  let session: WireSession
  let inbox: StreamInbox

  /// Sends a message on this stream; a final answer or error ends it.
  public func send(_ message: WireMessage) async throws {
    let id = self.id
    let body = message.body
    try await session.send(Cocoon_Wire_Envelope.with { $0.streamID = id; $0.body = body })
    if WireSession.endsStream(body) { session.finishStream(id) }
  }

  /// The next message from the peer; nil when the stream has ended. Bodies that have no place on a stream are
  /// skipped.
  /// - Throws: ``CocoonError`` `invalidArgument` when the peer's message holds a value out of range (the stream
  ///   stays open: answer it with an error), or the reason the stream failed.
  public func next() async throws -> WireMessage? {
    while let body = try await inbox.next() {
      if let message = try WireMessage(body: body) { return message }
    }
    return nil
  }

  /// Tells the peer to stop and ends the stream locally.
  public func cancel(reason: String) async {
    try? await session.send(
      Cocoon_Wire_Envelope.with {
        $0.streamID = id
        $0.cancel = .with { $0.reason = reason }
      })
    session.finishStream(id, throwing: CocoonError(.cancelled, "cancelled: \(reason)"))
  }
}
