public import Foundation

// The one hexadecimal encoder and decoder of Cocoon's modules and plugins (the standalone TON library keeps its own,
// `ByteEncoding`, as it depends on nothing of Cocoon).

extension Sequence<UInt8> {
  /// Lower-case hexadecimal, two digits per byte.
  public var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(underestimatedCount * 2)
    for byte in self {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension Data {
  /// Lower-case hexadecimal, two digits per byte (``Swift/Sequence/hexString`` for `Data`).
  public var hexString: String { [UInt8](self).hexString }

  /// Parses hexadecimal as people write it: upper or lower case, an optional `0x`, surrounding whitespace ignored.
  /// Nil when malformed. For identifiers (addresses, keys) use ``init(exactHex:)``.
  public init?(hexString: String) {
    var text = Substring(hexString.trimmingCharacters(in: .whitespacesAndNewlines))
    if text.hasPrefix("0x") || text.hasPrefix("0X") { text = text.dropFirst(2) }
    self.init(exactHex: text)
  }

  /// Parses hexadecimal digits only (upper or lower case, an even number of them): one text per byte string, so
  /// an address or key has one spelling apart from case. Nil for anything else.
  public init?(exactHex text: some StringProtocol) {
    let utf8 = Array(text.utf8)
    guard utf8.count % 2 == 0 else { return nil }
    var bytes = [UInt8]()
    bytes.reserveCapacity(utf8.count / 2)
    for index in stride(from: 0, to: utf8.count, by: 2) {
      guard let high = Self.nibble(utf8[index]), let low = Self.nibble(utf8[index + 1]) else { return nil }
      bytes.append(high << 4 | low)
    }
    self.init(bytes)
  }

  private static func nibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
