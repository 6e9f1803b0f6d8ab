public import BigInt

/// The parts of a `Transaction` that callers need: lt, time, messages, fees and the compute result.
public struct TransactionInfo: Sendable, Hashable {
  /// The transaction cell.
  public var cell: Cell
  public var accountID: [UInt8]
  public var lt: UInt64
  public var previousHash: [UInt8]
  public var previousLT: UInt64
  public var now: UInt32
  /// The inbound message cell.
  public var inMessage: Cell?
  /// The outbound message cells, in order.
  public var outMessages: [Cell]
  /// Total fees in nanoTON.
  public var totalFees: BigUInt
  /// Whether the transaction was aborted (ordinary transactions).
  public var aborted: Bool?
  /// The compute phase's TVM exit code, when the VM ran.
  public var exitCode: Int32?
  /// Whether the compute phase succeeded, when the VM ran.
  public var computeSuccess: Bool?
  /// Gas used by the compute phase, when the VM ran.
  public var gasUsed: UInt64?
  /// Storage fees collected.
  public var storageFees: BigUInt = 0

  /// The transaction hash.
  public var hash: [UInt8] { cell.hash }

  /// Parses a `Transaction` cell.
  public init(cell: Cell) throws {
    self.cell = cell
    var slice = cell.beginParse()
    guard try slice.loadUInt(bits: 4) == 0b0111 else { throw TONError(.invalidCell, "a transaction starts with tag 0111") }
    accountID = try slice.loadBytes(32)
    lt = try slice.loadUInt(bits: 64)
    previousHash = try slice.loadBytes(32)
    previousLT = try slice.loadUInt(bits: 64)
    now = UInt32(try slice.loadUInt(bits: 32))
    _ = try slice.loadUInt(bits: 15)  // outmsg_cnt
    try slice.skipBits(4)  // orig_status, end_status
    var messages = try slice.loadRef().beginParse()
    inMessage = try messages.loadMaybeRef()
    let out = try HashmapE.load(from: &messages, keyBits: 15)
    outMessages = try out.sorted.map { entry in
      guard let message = entry.value.refs.first else { throw TONError(.invalidCell, "an out_msgs entry is a reference") }
      return message
    }
    totalFees = try slice.loadCoins()
    _ = try slice.loadMaybeRef()
    _ = try slice.loadRef()  // state_update
    try parseDescription(try slice.loadRef())
  }

  private mutating func parseDescription(_ description: Cell) throws {
    var slice = description.beginParse()
    guard try slice.loadUInt(bits: 4) == 0 else { return }  // only trans_ord is parsed
    _ = try slice.loadBit()  // credit_first
    if try slice.loadBit() {
      storageFees = try slice.loadCoins()
      if try slice.loadBit() { _ = try slice.loadCoins() }
      if try slice.loadBit() { _ = try slice.loadBit() }
    }
    if try slice.loadBit() {
      if try slice.loadBit() { _ = try slice.loadCoins() }
      _ = try slice.loadCoins()
      _ = try slice.loadMaybeRef()
    }
    if try slice.loadBit() {
      computeSuccess = try slice.loadBit()
      try slice.skipBits(2)
      _ = try slice.loadCoins()  // gas_fees
      var details = try slice.loadRef().beginParse()
      gasUsed = UInt64(try details.loadBigUInt(bits: Int(try details.loadUInt(bits: 3)) * 8))
      _ = try details.loadBigUInt(bits: Int(try details.loadUInt(bits: 3)) * 8)  // gas_limit
      if try details.loadBit() { _ = try details.loadUInt(bits: Int(try details.loadUInt(bits: 2)) * 8) }
      try details.skipBits(8)  // mode
      exitCode = Int32(try details.loadInt(bits: 32))
    } else {
      try slice.skipBits(2)  // skip reason
    }
    _ = try slice.loadMaybeRef()  // action phase
    aborted = try slice.loadBit()
  }
}
