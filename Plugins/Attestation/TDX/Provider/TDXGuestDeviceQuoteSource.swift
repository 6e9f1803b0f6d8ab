import CocoonCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Gets TDX quotes through the older `/dev/tdx_guest` ioctls (Linux 6.2–6.6): `TDX_CMD_GET_REPORT0` for the TD
/// report, then `TDX_CMD_GET_QUOTE` with a `tdx_quote_hdr` buffer the host's quoting service fills.
struct TDXGuestDeviceQuoteSource: Sendable {
  var path: String

  static let defaultPath = "/dev/tdx_guest"

  var isAvailable: Bool { FileManager.default.fileExists(atPath: path) }

  // _IOWR('T', 1, struct tdx_report_req) with sizeof = 64 + 1024.
  private static let getReport0: UInt = (3 << 30) | (1088 << 16) | (0x54 << 8) | 1
  // _IOR('T', 2, struct tdx_quote_req) with sizeof = 16.
  private static let getQuote: UInt = (2 << 30) | (16 << 16) | (0x54 << 8) | 2
  private static let quoteBufferSize = 16 * 4096
  private static let headerSize = 24

  func quote(reportData: Data) throws(CocoonError) -> Data {
    #if canImport(Glibc)
    let fd = open(path, O_RDWR)
    guard fd >= 0 else { throw CocoonError(.unavailable, "TDX: cannot open \(path) (errno \(errno))") }
    defer { close(fd) }
    var reportRequest = [UInt8](reportData) + [UInt8](repeating: 0, count: 1024)
    let reportResult = reportRequest.withUnsafeMutableBytes { ioctl(fd, Self.getReport0, $0.baseAddress!) }
    guard reportResult == 0 else { throw CocoonError(.unavailable, "TDX: TDX_CMD_GET_REPORT0 failed (errno \(errno))") }
    var buffer = [UInt8](repeating: 0, count: Self.quoteBufferSize)
    Self.store(UInt64(1), into: &buffer, at: 0)  // version
    Self.store(UInt32(1024), into: &buffer, at: 16)  // in_len
    buffer.replaceSubrange(Self.headerSize..<Self.headerSize + 1024, with: reportRequest[64...])
    let quoteResult = buffer.withUnsafeMutableBytes { raw -> Int32 in
      var request: (UInt64, UInt64) = (UInt64(UInt(bitPattern: raw.baseAddress!)), UInt64(raw.count))
      return withUnsafeMutableBytes(of: &request) { ioctl(fd, Self.getQuote, $0.baseAddress!) }
    }
    guard quoteResult == 0 else { throw CocoonError(.unavailable, "TDX: TDX_CMD_GET_QUOTE failed (errno \(errno))") }
    let status = buffer[8..<16].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    let outLength = Int(buffer[20..<24].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    guard status == 0, outLength > 0, outLength <= buffer.count - Self.headerSize else {
      throw CocoonError(.unavailable, "TDX: the quoting service answered status 0x\(String(status, radix: 16))")
    }
    return Data(buffer[Self.headerSize..<Self.headerSize + outLength])
    #else
    throw CocoonError(.unavailable, "TDX: \(path) is only supported on Linux")
    #endif
  }

  private static func store<T: FixedWidthInteger>(_ value: T, into buffer: inout [UInt8], at offset: Int) {
    withUnsafeBytes(of: value.littleEndian) { buffer.replaceSubrange(offset..<offset + $0.count, with: $0) }
  }
}
