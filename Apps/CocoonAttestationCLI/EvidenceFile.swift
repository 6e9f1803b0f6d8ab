import CocoonCore
import Foundation

/// Reads evidence files: raw binary, or hexadecimal text (whitespace and an `0x` prefix allowed).
enum EvidenceFile {
  static func read(_ path: String) throws(CocoonError) -> Data {
    guard let raw = FileManager.default.contents(atPath: path) else {
      throw CocoonError(.io, "cannot read evidence file '\(path)'")
    }
    return decode(raw)
  }

  /// Hex text is decoded; anything else is taken as binary.
  static func decode(_ raw: Data) -> Data {
    let isHexText = !raw.isEmpty && raw.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
        UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: "x"), UInt8(ascii: "X"), 0x20, 0x0A, 0x0D, 0x09:
        return true
      default: return false
      }
    }
    if isHexText, let text = String(data: raw, encoding: .ascii) {
      let compact = text.filter { !$0.isWhitespace }
      if let decoded = Data(hexString: compact), !decoded.isEmpty { return decoded }
    }
    return raw
  }

  /// Which TEE produced `data`, from its header.
  static func detectKind(_ data: Data) -> TEEKind? {
    let bytes = [UInt8](data.prefix(8))
    if bytes.count == 8 {
      let version = UInt16(bytes[0]) | UInt16(bytes[1]) << 8
      let teeType = UInt32(bytes[4]) | UInt32(bytes[5]) << 8 | UInt32(bytes[6]) << 16 | UInt32(bytes[7]) << 24
      if (version == 4 || version == 5) && teeType == 0x81 { return .tdx }
    }
    if data.count == 1184 { return .sevSNP }
    if data.count == Evidence.reportDataLength { return .insecure }
    return nil
  }
}
