/// Reads a cell from the front: bits, integers, references.
///
/// Every `load` checks what is left and throws ``TONError`` `.cellUnderflow` when a read runs past the end.
public struct CellSlice: Sendable {
  /// The cell being read.
  public let cell: Cell
  private var bitPosition: Int
  private var refPosition: Int

  /// Creates a slice at the start of `cell`.
  public init(_ cell: Cell) {
    self.cell = cell
    bitPosition = 0
    refPosition = 0
  }

  /// Bits not yet read.
  public var remainingBits: Int { cell.bitCount - bitPosition }
  /// References not yet read.
  public var remainingRefs: Int { cell.refs.count - refPosition }
  /// Whether every bit and reference has been read.
  public var isEmpty: Bool { remainingBits == 0 && remainingRefs == 0 }

  private func ensure(bits: Int) throws {
    guard bits >= 0, bits <= remainingBits else {
      throw TONError(.cellUnderflow, "reading \(bits) bits but only \(remainingBits) are left")
    }
  }

  private func bit(at position: Int) -> Bool {
    cell.data[position >> 3] & (0x80 >> UInt8(position & 7)) != 0
  }

  /// Reads one bit.
  public mutating func loadBit() throws -> Bool {
    try ensure(bits: 1)
    defer { bitPosition += 1 }
    return bit(at: bitPosition)
  }

  /// Reads `bits` bits (0 to 64) as an unsigned integer.
  public mutating func loadUInt(bits: Int) throws -> UInt64 {
    let value = try preloadUInt(bits: bits)
    bitPosition += bits
    return value
  }

  /// Reads `bits` bits (0 to 64) without consuming them.
  public func preloadUInt(bits: Int) throws -> UInt64 {
    guard (0...64).contains(bits) else { throw TONError(.invalidValue, "loadUInt(bits:) takes 0 to 64 bits, not \(bits)") }
    try ensure(bits: bits)
    var value: UInt64 = 0
    var position = bitPosition
    var left = bits
    while left > 0 {
      let offset = position & 7
      let take = min(8 - offset, left)
      let byte = UInt64(cell.data[position >> 3])
      let chunk = (byte >> UInt64(8 - offset - take)) & ((1 << UInt64(take)) - 1)
      value = value << UInt64(take) | chunk
      position += take
      left -= take
    }
    return value
  }

  /// Reads `bits` bits (1 to 64) as a two's complement integer.
  public mutating func loadInt(bits: Int) throws -> Int64 {
    guard (1...64).contains(bits) else { throw TONError(.invalidValue, "loadInt(bits:) takes 1 to 64 bits, not \(bits)") }
    let raw = try loadUInt(bits: bits)
    let shift = UInt64(64 - bits)
    return Int64(bitPattern: raw << shift) >> Int64(shift)
  }

  /// Reads `count` whole bytes.
  public mutating func loadBytes(_ count: Int) throws -> [UInt8] {
    try ensure(bits: count * 8)
    if bitPosition % 8 == 0 {
      let start = bitPosition / 8
      bitPosition += count * 8
      return Array(cell.data[start..<(start + count)])
    }
    var out = [UInt8]()
    out.reserveCapacity(count)
    for _ in 0..<count { out.append(UInt8(try loadUInt(bits: 8))) }
    return out
  }

  /// Reads `count` bits, packed big-endian (the last byte padded with zeros).
  public mutating func loadBits(_ count: Int) throws -> (bytes: [UInt8], count: Int) {
    try ensure(bits: count)
    var out = [UInt8](repeating: 0, count: (count + 7) / 8)
    var index = 0
    var left = count
    while left >= 8 {
      out[index] = UInt8(try loadUInt(bits: 8))
      index += 1
      left -= 8
    }
    if left > 0 { out[index] = UInt8(try loadUInt(bits: left)) << UInt8(8 - left) }
    return (out, count)
  }

  /// Skips `count` bits.
  public mutating func skipBits(_ count: Int) throws {
    try ensure(bits: count)
    bitPosition += count
  }

  /// Reads the next reference.
  public mutating func loadRef() throws -> Cell {
    guard refPosition < cell.refs.count else {
      throw TONError(.cellUnderflow, "no reference left (the cell has \(cell.refs.count))")
    }
    defer { refPosition += 1 }
    return cell.refs[refPosition]
  }

  /// Reads `Maybe ^Cell`.
  public mutating func loadMaybeRef() throws -> Cell? {
    try loadBit() ? try loadRef() : nil
  }

  /// The unread bits and references as a new ordinary cell.
  public func remainder() throws -> Cell {
    var copy = self
    let bits = try copy.loadBits(remainingBits)
    return try Cell(data: bits.bytes, bitCount: bits.count, refs: Array(cell.refs[refPosition...]))
  }

  /// Throws unless every bit and reference has been read.
  public func expectEnd(_ what: String) throws {
    guard isEmpty else {
      throw TONError(.invalidCell, "\(what) has \(remainingBits) bits and \(remainingRefs) references left over")
    }
  }
}
