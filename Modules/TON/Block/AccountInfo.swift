public import BigInt

/// A parsed `ShardAccount`: the account (if any) and the hash and lt of its last transaction.
public struct ShardAccount: Sendable, Hashable {
  /// The `Account` cell (`account_none$0` for an account that does not exist).
  public var account: Cell
  public var lastTransactionHash: [UInt8]
  public var lastTransactionLT: UInt64

  /// Creates a shard account.
  public init(account: Cell, lastTransactionHash: [UInt8], lastTransactionLT: UInt64) {
    self.account = account
    self.lastTransactionHash = lastTransactionHash
    self.lastTransactionLT = lastTransactionLT
  }

  /// The shard account of an address that has never been used.
  public static var none: ShardAccount {
    var builder = CellBuilder()
    try! builder.storeBit(false)
    return ShardAccount(account: try! builder.endCell(), lastTransactionHash: [UInt8](repeating: 0, count: 32), lastTransactionLT: 0)
  }

  /// Reads a `ShardAccount` cell.
  public init(cell: Cell) throws {
    var slice = cell.beginParse()
    account = try slice.loadRef()
    lastTransactionHash = try slice.loadBytes(32)
    lastTransactionLT = try slice.loadUInt(bits: 64)
  }

  /// The `ShardAccount` cell.
  public func cell() throws -> Cell {
    var builder = CellBuilder()
    try builder.storeRef(account)
    try builder.storeBytes(lastTransactionHash)
    try builder.storeUInt(lastTransactionLT, bits: 64)
    return try builder.endCell()
  }

  /// The parsed account, or `nil` for `account_none`.
  public var info: AccountInfo? {
    get throws { try AccountInfo(account: account) }
  }
}

/// The parts of an `Account` that a wallet or explorer needs.
public struct AccountInfo: Sendable, Hashable {
  /// The account state.
  public enum State: Sendable, Hashable {
    case uninit
    case active(code: Cell?, data: Cell?)
    case frozen(stateHash: [UInt8])
  }

  public var address: Address
  public var balance: BigUInt
  public var lastTransactionLT: UInt64
  public var lastPaid: UInt32
  public var state: State

  /// Parses an `Account` cell; `nil` for `account_none`.
  public init?(account: Cell) throws {
    var slice = account.beginParse()
    guard try slice.loadBit() else { return nil }
    guard let address = try slice.loadAddress() else { throw TONError(.invalidCell, "an account has an address") }
    self.address = address
    _ = try slice.loadBigUInt(bits: Int(try slice.loadUInt(bits: 3)) * 8)  // used cells
    _ = try slice.loadBigUInt(bits: Int(try slice.loadUInt(bits: 3)) * 8)  // used bits
    if try slice.loadUInt(bits: 3) == 1 { try slice.skipBits(256) }  // storage_extra_info
    lastPaid = UInt32(try slice.loadUInt(bits: 32))
    if try slice.loadBit() { _ = try slice.loadCoins() }  // due_payment
    lastTransactionLT = try slice.loadUInt(bits: 64)
    balance = try slice.loadCoins()
    _ = try slice.loadMaybeRef()  // extra currencies
    if try slice.loadBit() {
      if try slice.loadBit() { try slice.skipBits(5) }
      if try slice.loadBit() { try slice.skipBits(2) }
      let code = try slice.loadMaybeRef()
      let data = try slice.loadMaybeRef()
      state = .active(code: code, data: data)
    } else if try slice.loadBit() {
      state = .frozen(stateHash: try slice.loadBytes(32))
    } else {
      state = .uninit
    }
  }

  /// "active", "uninitialized" or "frozen", as TON Center names them.
  public var statusName: String {
    switch state {
    case .uninit: "uninitialized"
    case .active: "active"
    case .frozen: "frozen"
    }
  }
}
