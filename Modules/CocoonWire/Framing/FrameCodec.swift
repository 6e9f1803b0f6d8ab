import CocoonCore
public import NIOCore

/// Splits a byte stream into frames: a 4-byte big-endian length, then that many bytes. Frames longer than
/// `maximumFrameLength` close the connection with an error instead of being buffered.
public struct FrameDecoder: ByteToMessageDecoder {
  public typealias InboundOut = ByteBuffer

  public let maximumFrameLength: Int

  public init(maximumFrameLength: Int) { self.maximumFrameLength = maximumFrameLength }

  public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
    guard Int(length) <= maximumFrameLength else {
      throw CocoonError(
        .transportFailed,
        "the peer sent a frame of \(length) bytes; the maximum is \(maximumFrameLength) (transport max_frame_bytes)")
    }
    guard buffer.readableBytes >= 4 + Int(length) else { return .needMoreData }
    buffer.moveReaderIndex(forwardBy: 4)
    context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: Int(length))!))
    return .continue
  }

  public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
    -> DecodingState
  {
    try decode(context: context, buffer: &buffer)
  }
}

/// Prefixes each outbound frame with its 4-byte big-endian length; refuses frames over the maximum.
public struct FrameEncoder: MessageToByteEncoder {
  public typealias OutboundIn = ByteBuffer

  public let maximumFrameLength: Int

  public init(maximumFrameLength: Int) { self.maximumFrameLength = maximumFrameLength }

  public func encode(data: ByteBuffer, out: inout ByteBuffer) throws {
    guard data.readableBytes <= maximumFrameLength else {
      throw CocoonError(
        .transportFailed, "refusing to send a frame of \(data.readableBytes) bytes; the maximum is \(maximumFrameLength)")
    }
    out.writeInteger(UInt32(data.readableBytes))
    out.writeImmutableBuffer(data)
  }
}
