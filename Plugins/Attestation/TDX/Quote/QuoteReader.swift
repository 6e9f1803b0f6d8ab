/// Reads little-endian fields from quote bytes, failing (never trapping) on truncated input.
struct QuoteReader {
  private let bytes: [UInt8]
  private(set) var offset: Int

  init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  /// Bytes not read yet.
  var remaining: Int { bytes.count - offset }

  mutating func bytes(_ count: Int, _ field: String) throws(QuoteParseError) -> [UInt8] {
    guard count >= 0, count <= remaining else { throw QuoteParseError("\(field): truncated at byte \(offset)") }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func u16(_ field: String) throws(QuoteParseError) -> UInt16 {
    let raw = try bytes(2, field)
    return UInt16(raw[0]) | UInt16(raw[1]) << 8
  }

  mutating func u32(_ field: String) throws(QuoteParseError) -> UInt32 {
    let raw = try bytes(4, field)
    return raw.reversed().reduce(0) { $0 << 8 | UInt32($1) }
  }
}

/// Why quote bytes could not be parsed; becomes a ``CocoonError`` at the API boundary.
struct QuoteParseError: Error {
  let reason: String
  init(_ reason: String) { self.reason = reason }
}
