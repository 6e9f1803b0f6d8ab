public import BigInt

/// A parsed `Message Any`: its header, state init and body.
public struct MessageInfo: Sendable, Hashable {
  /// The header kind.
  public enum Kind: Sendable, Hashable {
    /// `int_msg_info$0`
    case `internal`
    /// `ext_in_msg_info$10`
    case externalIn
    /// `ext_out_msg_info$11`
    case externalOut
  }

  public var kind: Kind
  /// The internal source, when the source is `addr_std`.
  public var source: Address?
  /// The internal destination, when the destination is `addr_std`.
  public var destination: Address?
  /// The value carried (internal messages).
  public var value: BigUInt = 0
  public var bounce = false
  public var bounced = false
  public var forwardFee: BigUInt = 0
  public var importFee: BigUInt = 0
  public var createdLT: UInt64 = 0
  public var createdAt: UInt32 = 0
  /// The state init cell, if any.
  public var stateInit: StateInit?
  /// The body (as a cell, whether it was inline or a reference).
  public var body: Cell

  /// Parses a message cell.
  /// - Throws: ``TONError`` when the cell is not a `Message Any`.
  public init(cell: Cell) throws {
    var slice = cell.beginParse()
    if try !slice.loadBit() {
      kind = .internal
      _ = try slice.loadBit()  // ihr_disabled
      bounce = try slice.loadBit()
      bounced = try slice.loadBit()
      source = try slice.loadAddress()
      destination = try slice.loadAddress()
      value = try slice.loadCoins()
      _ = try slice.loadMaybeRef()  // extra currencies
      _ = try slice.loadCoins()  // ihr_fee
      forwardFee = try slice.loadCoins()
      createdLT = try slice.loadUInt(bits: 64)
      createdAt = UInt32(try slice.loadUInt(bits: 32))
    } else if try !slice.loadBit() {
      kind = .externalIn
      try slice.skipExternalAddress()
      destination = try slice.loadAddress()
      importFee = try slice.loadCoins()
    } else {
      kind = .externalOut
      source = try slice.loadAddress()
      try slice.skipExternalAddress()
      createdLT = try slice.loadUInt(bits: 64)
      createdAt = UInt32(try slice.loadUInt(bits: 32))
    }
    if try slice.loadBit() {
      if try slice.loadBit() {
        stateInit = try StateInit(cell: try slice.loadRef())
      } else {
        stateInit = try StateInit.load(from: &slice)
      }
    }
    body = try slice.loadEitherCell()
  }
}

extension CellSlice {
  /// Skips a `MsgAddressExt` (`addr_none$00` or `addr_extern$01 len:(## 9) bits`).
  mutating func skipExternalAddress() throws {
    switch try loadUInt(bits: 2) {
    case 0b00: return
    case 0b01: try skipBits(Int(try loadUInt(bits: 9)))
    default: throw TONError(.invalidCell, "an external address is addr_none or addr_extern")
    }
  }
}

extension StateInit {
  /// Reads an inline `StateInit`, ignoring split depth, special and libraries.
  static func load(from slice: inout CellSlice) throws -> StateInit {
    if try slice.loadBit() { try slice.skipBits(5) }
    if try slice.loadBit() { try slice.skipBits(2) }
    let code = try slice.loadMaybeRef()
    let data = try slice.loadMaybeRef()
    _ = try slice.loadMaybeRef()
    guard let code, let data else { throw TONError(.invalidCell, "a state init needs both code and data") }
    return StateInit(code: code, data: data)
  }
}
