import Foundation

/// Hex and base64 helpers shared by the toolkit.
public enum ByteEncoding {
  private static let digits = Array("0123456789abcdef".utf8)

  /// Lower-case hex of the bytes.
  public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes hex text (either case); `nil` when it is not an even-length hex string.
  public static func bytes(hex text: some StringProtocol) -> [UInt8]? {
    let utf8 = Array(text.utf8)
    guard utf8.count % 2 == 0 else { return nil }
    var out = [UInt8]()
    out.reserveCapacity(utf8.count / 2)
    var index = 0
    while index < utf8.count {
      guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
      out.append(high << 4 | low)
      index += 2
    }
    return out
  }

  private static func nibble(_ char: UInt8) -> UInt8? {
    switch char {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// Decodes standard or url-safe base64, with or without padding; `nil` when invalid.
  public static func bytes(base64 text: some StringProtocol) -> [UInt8]? {
    var normalized = String(text).replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    let remainder = normalized.utf8.count % 4
    if remainder == 1 { return nil }
    if remainder > 0 { normalized += String(repeating: "=", count: 4 - remainder) }
    return Data(base64Encoded: normalized).map { [UInt8]($0) }
  }

  /// Standard (or url-safe) base64 with padding.
  public static func base64<C: Collection>(_ bytes: C, urlSafe: Bool = false) -> String where C.Element == UInt8 {
    let text = Data(bytes).base64EncodedString()
    guard urlSafe else { return text }
    return text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
  }
}
