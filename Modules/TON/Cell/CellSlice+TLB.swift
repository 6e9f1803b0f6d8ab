public import BigInt

extension CellSlice {
  /// Reads an unsigned integer of `bits` bits (0 to 256).
  public mutating func loadBigUInt(bits: Int) throws -> BigUInt {
    guard (0...256).contains(bits) else { throw TONError(.invalidValue, "uint widths are 0 to 256 bits, not \(bits)") }
    guard bits <= remainingBits else {
      throw TONError(.cellUnderflow, "reading \(bits) bits but only \(remainingBits) are left")
    }
    var value = BigUInt(0)
    var left = bits
    while left > 0 {
      let take = min(64, left)
      value = value << take | BigUInt(try loadUInt(bits: take))
      left -= take
    }
    return value
  }

  /// Reads a two's complement integer of `bits` bits (1 to 257).
  public mutating func loadBigInt(bits: Int) throws -> BigInt {
    guard (1...257).contains(bits) else { throw TONError(.invalidValue, "int widths are 1 to 257 bits, not \(bits)") }
    guard bits <= remainingBits else {
      throw TONError(.cellUnderflow, "reading \(bits) bits but only \(remainingBits) are left")
    }
    let negative = try loadBit()
    var magnitude = BigUInt(0)
    var left = bits - 1
    while left > 0 {
      let take = min(64, left)
      magnitude = magnitude << take | BigUInt(try loadUInt(bits: take))
      left -= take
    }
    return negative ? BigInt(magnitude) - (BigInt(1) << (bits - 1)) : BigInt(magnitude)
  }

  /// Reads `VarUInteger 16` (Grams / coins).
  public mutating func loadCoins() throws -> BigUInt {
    let length = Int(try loadUInt(bits: 4))
    return try loadBigUInt(bits: length * 8)
  }

  /// Reads a `MsgAddress`: `addr_none` gives `nil`, `addr_std` without anycast an ``Address``.
  /// - Throws: ``TONError`` `.unsupportedAddress` for anycast, `addr_var` and external addresses.
  public mutating func loadAddress() throws -> Address? {
    switch try loadUInt(bits: 2) {
    case 0b00:
      return nil
    case 0b10:
      guard try !loadBit() else {
        throw TONError(.unsupportedAddress, "anycast addresses are refused; only addr_std without anycast is accepted")
      }
      let workchain = try loadInt(bits: 8)
      return try Address(workchain: Int32(workchain), hash: loadBytes(32))
    case 0b11:
      throw TONError(.unsupportedAddress, "addr_var addresses are refused; only addr_std without anycast is accepted")
    default:
      throw TONError(.unsupportedAddress, "external addresses (addr_extern) are refused where an internal address is expected")
    }
  }

  /// Reads `Either X ^X` where `X` is the rest of the slice: the inline remainder or the referenced cell.
  public mutating func loadEitherCell() throws -> Cell {
    if try loadBit() { return try loadRef() }
    let rest = try remainder()
    self = CellSlice(Cell.empty)
    return rest
  }

  /// Reads a snake string: this slice's bytes, then those of the chain of first references.
  public mutating func loadSnakeString() throws -> String {
    String(decoding: try loadSnakeBytes(), as: UTF8.self)
  }

  /// Reads snake-encoded bytes.
  public mutating func loadSnakeBytes() throws -> [UInt8] {
    guard remainingBits % 8 == 0 else {
      throw TONError(.invalidCell, "a snake string holds whole bytes, found \(remainingBits) bits")
    }
    var out = try loadBytes(remainingBits / 8)
    var next = remainingRefs > 0 ? try loadRef() : nil
    var hops = 0
    while let cell = next {
      hops += 1
      guard hops <= Cell.maxDepth, cell.bitCount % 8 == 0 else {
        throw TONError(.invalidCell, "a snake string holds whole bytes in at most 1024 cells")
      }
      out.append(contentsOf: cell.data)
      next = cell.refs.first
    }
    return out
  }

  /// Reads a text comment (`0` as uint32, then a snake string); `nil` when the op is not 0.
  public mutating func loadTextComment() throws -> String? {
    guard remainingBits >= 32, try preloadUInt(bits: 32) == 0 else { return nil }
    try skipBits(32)
    return try loadSnakeString()
  }
}
