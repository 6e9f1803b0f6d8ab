public import Foundation
public import CocoonCore
public import Logging
public import NIOCore
import NIOPosix

/// Listening and connecting for framed transports; a transport plugin adds its own handlers (TLS, …) and says who
/// the peer is once the channel is up.
public struct FramedTransportRunner: Sendable {
  /// Adds the plugin's handlers in front of the frame codec, synchronously on the channel's event loop.
  public typealias PipelineSetup = @Sendable (_ channel: any Channel, _ isServer: Bool) throws -> Void
  /// Identifies the peer of an established channel (after TLS, say), using the first frames if it must.
  public typealias PeerIdentification = @Sendable (_ connection: UnidentifiedConnection) async throws -> PeerInfo

  public let maximumFrameLength: Int
  public let setup: PipelineSetup

  public init(maximumFrameLength: Int, setup: @escaping PipelineSetup) {
    self.maximumFrameLength = maximumFrameLength
    self.setup = setup
  }

  private func configure(_ channel: any Channel, isServer: Bool) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> {
    channel.eventLoop.makeCompletedFuture {
      try setup(channel, isServer)
      try channel.pipeline.syncOperations.addHandlers([
        ByteToMessageHandler(FrameDecoder(maximumFrameLength: maximumFrameLength)),
        MessageToByteHandler(FrameEncoder(maximumFrameLength: maximumFrameLength)),
      ])
      return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
        wrappingChannelSynchronously: channel,
        configuration: .init(backPressureStrategy: .init(lowWatermark: 4, highWatermark: 16)))
    }
  }

  /// Listens on `endpoint` until the calling task is cancelled; runs `handler` for each identified peer.
  public func serve(
    on endpoint: Endpoint, logger: Logger, identify: @escaping PeerIdentification,
    bound: @escaping @Sendable (Endpoint) -> Void, handler: @escaping @Sendable (any Connection) async -> Void
  ) async throws {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .bind(host: endpoint.host, port: endpoint.port) { channel in configure(channel, isServer: true) }
    bound(Endpoint(host: endpoint.host, port: server.channel.localAddress?.port ?? endpoint.port))
    try await withTaskCancellationHandler {
      try await server.executeThenClose { inbound in
        try await withThrowingDiscardingTaskGroup { group in
          for try await child in inbound {
            group.addTask {
              await run(child, logger: logger, identify: identify, handler: handler)
            }
          }
        }
      }
    } onCancel: {
      server.channel.close(promise: nil)
    }
  }

  private func run(
    _ child: NIOAsyncChannel<ByteBuffer, ByteBuffer>, logger: Logger, identify: PeerIdentification,
    handler: @escaping @Sendable (any Connection) async -> Void
  ) async {
    let remote = child.channel.remoteAddress?.description ?? "unknown"
    do {
      try await child.executeThenClose { inbound, outbound in
        let unidentified = UnidentifiedConnection(inbound: inbound, outbound: outbound, channel: child.channel)
        let peer = try await identify(unidentified)
        await handler(unidentified.identified(as: peer))
      }
    } catch {
      logger.notice("refused or lost peer", metadata: ["remote": "\(remote)", "reason": "\(error)"])
    }
  }

  /// Connects to `endpoint`, identifies the peer, and runs `body` with the connection; closes it afterwards.
  public func connect<Result: Sendable>(
    to endpoint: Endpoint, identify: PeerIdentification, body: @Sendable (any Connection) async throws -> Result
  ) async throws -> Result {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    do {
      channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .connectTimeout(.seconds(10))
        .connect(host: endpoint.host, port: endpoint.port) { channel in configure(channel, isServer: false) }
    } catch {
      throw CocoonError(.transportFailed, "cannot connect to \(endpoint): \(error)")
    }
    return try await channel.executeThenClose { inbound, outbound in
      let unidentified = UnidentifiedConnection(inbound: inbound, outbound: outbound, channel: channel.channel)
      let peer = try await identify(unidentified)
      return try await body(unidentified.identified(as: peer))
    }
  }
}

/// A framed connection whose peer is not identified yet; identification may exchange frames on it.
public final class UnidentifiedConnection: @unchecked Sendable {
  private let connection: ChannelConnection
  /// The underlying channel (to read TLS state, addresses).
  public let channel: any Channel

  init(
    inbound: NIOAsyncChannelInboundStream<ByteBuffer>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
    channel: any Channel
  ) {
    self.channel = channel
    let placeholder = PeerInfo(role: .client, identity: nil, remoteAddress: channel.remoteAddress?.description ?? "")
    connection = ChannelConnection(peer: placeholder, inbound: inbound, outbound: outbound, channel: channel)
  }

  /// Reads one frame.
  public func receive() async throws -> Data? { try await connection.receive() }
  /// Sends one frame.
  public func send(_ frame: Data) async throws { try await connection.send(frame) }

  func identified(as peer: PeerInfo) -> any Connection { IdentifiedConnection(peer: peer, base: connection) }
}

/// A connection with its peer identified.
struct IdentifiedConnection: Connection {
  let peer: PeerInfo
  let base: ChannelConnection

  func receive() async throws -> Data? { try await base.receive() }
  func send(_ frame: Data) async throws { try await base.send(frame) }
  func close() async { await base.close() }
}
