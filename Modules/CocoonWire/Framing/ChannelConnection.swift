public import CocoonCore
public import Foundation
public import NIOCore

/// A ``Connection`` over a framed NIO channel. Created inside `NIOAsyncChannel.executeThenClose`, valid only there.
///
/// `send` suspends while the channel is not writable and `receive` reads one frame at a time, so back-pressure
/// reaches the peer through TCP. `receive` must be called from one task at a time.
public final class ChannelConnection: Connection, @unchecked Sendable {
  public let peer: PeerInfo
  private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
  private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
  private let channel: any Channel

  public init(
    peer: PeerInfo, inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
    outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, channel: any Channel
  ) {
    self.peer = peer
    self.iterator = inbound.makeAsyncIterator()
    self.outbound = outbound
    self.channel = channel
  }

  public func receive() async throws -> Data? {
    guard let buffer = try await iterator.next() else { return nil }
    return Data(buffer.readableBytesView)
  }

  public func send(_ frame: Data) async throws {
    try await outbound.write(ByteBuffer(bytes: frame))
  }

  public func close() async {
    outbound.finish()
    try? await channel.close()
  }
}
