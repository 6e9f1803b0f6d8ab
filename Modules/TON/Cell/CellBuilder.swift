/// Builds a cell bit by bit: integers of any width, bytes, references.
///
/// Every `store` checks the 1023-bit and four-reference limits and throws ``TONError`` `.cellOverflow`.
public struct CellBuilder: Sendable {
  private(set) var bytes: [UInt8]
  /// The number of bits stored so far.
  public private(set) var bitCount: Int
  /// The references stored so far.
  public private(set) var refs: [Cell]

  /// Creates an empty builder.
  public init() {
    bytes = []
    bytes.reserveCapacity(128)
    bitCount = 0
    refs = []
  }

  /// Bits still free in this cell.
  public var remainingBits: Int { Cell.maxBits - bitCount }
  /// References still free in this cell.
  public var remainingRefs: Int { Cell.maxRefs - refs.count }

  private func ensure(bits: Int, refs count: Int = 0) throws {
    guard bits <= remainingBits else {
      throw TONError(.cellOverflow, "storing \(bits) more bits would exceed 1023 (already \(bitCount))")
    }
    guard count <= remainingRefs else {
      throw TONError(.cellOverflow, "a cell holds at most 4 references")
    }
  }

  /// Appends one bit.
  public mutating func storeBit(_ bit: Bool) throws {
    try ensure(bits: 1)
    appendBit(bit)
  }

  private mutating func appendBit(_ bit: Bool) {
    if bitCount % 8 == 0 { bytes.append(0) }
    if bit { bytes[bitCount / 8] |= 0x80 >> UInt8(bitCount % 8) }
    bitCount += 1
  }

  /// Appends the low `bits` bits of `value`, most significant first (`bits` up to 64).
  public mutating func storeUInt(_ value: UInt64, bits: Int) throws {
    guard (0...64).contains(bits) else { throw TONError(.invalidValue, "storeUInt(UInt64) takes 0 to 64 bits, not \(bits)") }
    guard bits == 64 || value >> UInt64(bits) == 0 else {
      throw TONError(.invalidValue, "\(value) does not fit in \(bits) unsigned bits")
    }
    try ensure(bits: bits)
    appendLow(value, bits: bits)
  }

  /// Appends `value` as a two's complement integer of `bits` bits (up to 64).
  public mutating func storeInt(_ value: Int64, bits: Int) throws {
    guard (1...64).contains(bits) else { throw TONError(.invalidValue, "storeInt(Int64) takes 1 to 64 bits, not \(bits)") }
    if bits < 64 {
      let limit = Int64(1) << Int64(bits - 1)
      guard value >= -limit, value < limit else {
        throw TONError(.invalidValue, "\(value) does not fit in \(bits) signed bits")
      }
    }
    try ensure(bits: bits)
    appendLow(UInt64(bitPattern: value), bits: bits)
  }

  mutating func appendLow(_ value: UInt64, bits: Int) {
    var remaining = bits
    while remaining > 0 {
      let free = 8 - bitCount % 8
      if free == 8 { bytes.append(0) }
      let take = min(free, remaining)
      let chunk = UInt8(truncatingIfNeeded: (value >> UInt64(remaining - take)) & ((1 << UInt64(take)) - 1))
      bytes[bytes.count - 1] |= chunk << UInt8(free - take)
      bitCount += take
      remaining -= take
    }
  }

  /// Appends whole bytes.
  public mutating func storeBytes<C: Collection>(_ data: C) throws where C.Element == UInt8 {
    try ensure(bits: data.count * 8)
    if bitCount % 8 == 0 {
      bytes.append(contentsOf: data)
      bitCount += data.count * 8
    } else {
      for byte in data { appendLow(UInt64(byte), bits: 8) }
    }
  }

  /// Appends the first `count` bits of big-endian packed `data`.
  public mutating func storeBits<C: Collection>(_ data: C, count: Int) throws where C.Element == UInt8, C.Index == Int {
    guard count <= data.count * 8 else { throw TONError(.invalidValue, "\(count) bits need \((count + 7) / 8) bytes") }
    try ensure(bits: count)
    var index = data.startIndex
    var left = count
    while left >= 8 {
      appendLow(UInt64(data[index]), bits: 8)
      index += 1
      left -= 8
    }
    if left > 0 { appendLow(UInt64(data[index] >> UInt8(8 - left)), bits: left) }
  }

  /// Appends a reference.
  public mutating func storeRef(_ cell: Cell) throws {
    try ensure(bits: 0, refs: 1)
    refs.append(cell)
  }

  /// Appends `Maybe ^Cell`: a 0 bit for `nil`, else a 1 bit and the reference.
  public mutating func storeMaybeRef(_ cell: Cell?) throws {
    guard let cell else { return try storeBit(false) }
    try ensure(bits: 1, refs: 1)
    appendBit(true)
    refs.append(cell)
  }

  /// Appends the bits and references of a cell (inline).
  public mutating func storeCell(_ cell: Cell) throws {
    try ensure(bits: cell.bitCount, refs: cell.refs.count)
    try storeBits(cell.data, count: cell.bitCount)
    refs.append(contentsOf: cell.refs)
  }

  /// Appends the unread bits and references of a slice (inline).
  public mutating func storeSlice(_ slice: CellSlice) throws {
    var copy = slice
    let bits = try copy.loadBits(slice.remainingBits)
    try ensure(bits: bits.count, refs: slice.remainingRefs)
    try storeBits(bits.bytes, count: bits.count)
    while copy.remainingRefs > 0 { refs.append(try copy.loadRef()) }
  }

  /// Appends the contents of another builder.
  public mutating func storeBuilder(_ other: CellBuilder) throws {
    try ensure(bits: other.bitCount, refs: other.refs.count)
    try storeBits(other.bytes, count: other.bitCount)
    refs.append(contentsOf: other.refs)
  }

  /// Finishes an ordinary cell.
  public func endCell() throws -> Cell {
    try Cell(kind: .ordinary, data: bytes, bitCount: bitCount, refs: refs)
  }

  /// Finishes an exotic cell whose type is the first stored byte.
  public func endExoticCell() throws -> Cell {
    try Cell(exoticData: bytes, bitCount: bitCount, refs: refs)
  }
}
