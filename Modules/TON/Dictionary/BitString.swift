public import BigInt

/// A string of bits, packed big-endian; used as a dictionary key.
public struct BitString: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The packed bits; unused trailing bits are zero.
  public private(set) var bytes: [UInt8]
  /// The number of bits.
  public private(set) var count: Int

  /// Creates a bit string from packed bytes.
  public init(bytes: [UInt8], count: Int) {
    precondition(count >= 0 && count <= bytes.count * 8, "BitString: \(count) bits need \((count + 7) / 8) bytes")
    var stored = Array(bytes.prefix((count + 7) / 8))
    if count % 8 != 0 { stored[stored.count - 1] &= ~UInt8(0xFF >> (count % 8)) }
    self.bytes = stored
    self.count = count
  }

  /// The empty bit string.
  public init() { self.init(bytes: [], count: 0) }

  /// An unsigned integer as `bits` bits (up to 1023; wide keys are zero-padded on the left).
  public init(_ value: BigUInt, bits: Int) throws {
    var builder = CellBuilder()
    var padding = max(0, bits - 256)
    while padding > 0 {
      let take = min(64, padding)
      try builder.storeUInt(0, bits: take)
      padding -= take
    }
    try builder.storeBigUInt(value, bits: min(bits, 256))
    self.init(bytes: builder.bytes, count: bits)
  }

  /// A signed integer as `bits` two's complement bits.
  public init(signed value: BigInt, bits: Int) throws {
    var builder = CellBuilder()
    try builder.storeBigInt(value, bits: bits)
    self.init(bytes: builder.bytes, count: bits)
  }

  /// The bit at `index`.
  public subscript(index: Int) -> Bool { bytes[index >> 3] & (0x80 >> UInt8(index & 7)) != 0 }

  /// Appends one bit.
  public mutating func append(_ bit: Bool) {
    if count % 8 == 0 { bytes.append(0) }
    if bit { bytes[count >> 3] |= 0x80 >> UInt8(count & 7) }
    count += 1
  }

  /// The bits from `start` to the end.
  func suffix(from start: Int) -> BitString {
    var out = BitString()
    for index in start..<count { out.append(self[index]) }
    return out
  }

  /// The bits as an unsigned integer.
  public var unsignedValue: BigUInt {
    var value = BigUInt(0)
    for index in 0..<count { value = value << 1 | (self[index] ? 1 : 0) }
    return value
  }

  public static func < (lhs: BitString, rhs: BitString) -> Bool {
    for index in 0..<min(lhs.count, rhs.count) where lhs[index] != rhs[index] { return rhs[index] }
    return lhs.count < rhs.count
  }

  public var description: String { String((0..<count).map { self[$0] ? "1" : "0" }) }
}
