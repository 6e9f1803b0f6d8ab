public import BigInt

extension CellBuilder {
  /// Appends `value` as an unsigned integer of `bits` bits (0 to 256).
  public mutating func storeBigUInt(_ value: BigUInt, bits: Int) throws {
    guard (0...256).contains(bits) else { throw TONError(.invalidValue, "uint widths are 0 to 256 bits, not \(bits)") }
    guard value.bitWidth <= bits || value.isZero else {
      throw TONError(.invalidValue, "the value needs \(value.bitWidth) bits, more than \(bits)")
    }
    try storeMagnitude(value, bits: bits)
  }

  /// Appends `value` as a two's complement integer of `bits` bits (1 to 257).
  public mutating func storeBigInt(_ value: BigInt, bits: Int) throws {
    guard (1...257).contains(bits) else { throw TONError(.invalidValue, "int widths are 1 to 257 bits, not \(bits)") }
    let limit = BigInt(1) << (bits - 1)
    guard value >= -limit, value < limit else {
      throw TONError(.invalidValue, "the value does not fit in \(bits) signed bits")
    }
    let pattern = value < 0 ? (BigInt(1) << bits) + value : value
    try storeMagnitude(pattern.magnitude, bits: bits)
  }

  private mutating func storeMagnitude(_ value: BigUInt, bits: Int) throws {
    guard bits <= remainingBits else {
      throw TONError(.cellOverflow, "storing \(bits) more bits would exceed 1023 (already \(bitCount))")
    }
    var left = bits
    while left > 0 {
      let take = min(64, left)
      let chunk = (value >> (left - take)) & ((BigUInt(1) << take) - 1)
      appendLow(UInt64(chunk), bits: take)
      left -= take
    }
  }

  /// Appends `VarUInteger 16` (Grams / coins): a 4-bit byte length, then the value.
  public mutating func storeCoins(_ value: BigUInt) throws {
    let length = (value.bitWidth + 7) / 8
    guard length < 16 else { throw TONError(.invalidValue, "coins fit in 15 bytes (VarUInteger 16)") }
    try storeUInt(UInt64(length), bits: 4)
    try storeBigUInt(value, bits: length * 8)
  }

  /// Appends a `MsgAddressInt` (`addr_std$10`, no anycast), or `addr_none$00` for `nil`.
  public mutating func storeAddress(_ address: Address?) throws {
    guard let address else { return try storeUInt(0, bits: 2) }
    try storeUInt(0b100, bits: 3)
    try storeInt(Int64(address.workchain), bits: 8)
    try storeBytes(address.hash)
  }

  /// Appends `Either X ^X`: inline (bit 0) when the cell fits in what is left, else as a reference (bit 1).
  public mutating func storeEither(_ cell: Cell) throws {
    if cell.bitCount + 1 <= remainingBits, cell.refs.count <= remainingRefs {
      try storeBit(false)
      try storeCell(cell)
    } else {
      try storeBit(true)
      try storeRef(cell)
    }
  }

  /// Appends `Either X ^X` as a reference (bit 1).
  public mutating func storeEitherRef(_ cell: Cell) throws {
    try storeBit(true)
    try storeRef(cell)
  }

  /// Appends a snake string: bytes filling this cell, then a chain of first references.
  public mutating func storeSnakeString(_ text: String) throws {
    try storeSnakeBytes(Array(text.utf8))
  }

  /// Appends snake-encoded bytes: as many as fit here, the rest in a chain of first references.
  public mutating func storeSnakeBytes(_ bytes: [UInt8]) throws {
    let here = min(bytes.count, remainingBits / 8)
    try storeBytes(bytes[0..<here])
    guard here < bytes.count else { return }
    var tail = CellBuilder()
    try tail.storeSnakeBytes(Array(bytes[here...]))
    try storeRef(try tail.endCell())
  }
}

extension Cell {
  /// A text comment body: `0` as uint32, then the text as a snake string.
  public static func textComment(_ text: String) throws -> Cell {
    var builder = CellBuilder()
    try builder.storeUInt(0, bits: 32)
    try builder.storeSnakeString(text)
    return try builder.endCell()
  }
}
