public import BigInt
public import TON
public import TONEmulator

/// The client contract's storage (`ClientStorage` in cocoon.tlb), as its data cell and `get_client_state` carry it.
public struct ClientContractState: Sendable, Hashable {
  /// The contract's phase.
  public enum Phase: UInt8, Sendable {
    /// Deployed; its first top-up opens it (and notifies the coordinator contract).
    case new = 0
    case open = 1
    /// The client asked to close: the part above the stake went back; the stake waits for `unlockTime`.
    case closing = 2
    case closed = 3
  }

  public var phase: Phase
  /// The client's wallet: the only sender of top-ups, stakes, withdrawals and closes, and where funds return.
  public var owner: Address
  /// The coordinator contract charges are paid to.
  public var coordinator: Address
  /// The coordinator's Ed25519 public key (vouchers must verify under it).
  public var coordinatorKey: [UInt8]
  /// Seconds from the close request to the stake's return.
  public var closeDelay: UInt32
  /// Tells apart the successive contracts of one owner with one coordinator (a closed contract stays closed; the
  /// client opens the next generation), so vouchers of an earlier one never apply to a later one.
  public var generation: UInt32
  /// What the client holds here, stake included, in nanoTON.
  public var balance: BigUInt = 0
  public var stake: BigUInt = 0
  /// The cumulative amount charged so far.
  public var charged: BigUInt = 0
  /// The sequence of the last voucher applied.
  public var sequence: UInt64 = 0
  /// When the stake may be claimed (closing only).
  public var unlockTime: UInt32 = 0

  /// The state a new client contract is deployed with.
  public init(owner: Address, coordinator: Address, coordinatorKey: [UInt8], closeDelay: UInt32, generation: UInt32 = 0)
  {
    phase = .new
    self.owner = owner
    self.coordinator = coordinator
    self.coordinatorKey = coordinatorKey
    self.closeDelay = closeDelay
    self.generation = generation
  }

  /// The data cell.
  public func dataCell() throws -> Cell {
    var parameters = CellBuilder()
    try parameters.storeAddress(owner)
    try parameters.storeAddress(coordinator)
    try parameters.storeBytes(coordinatorKey)
    try parameters.storeUInt(UInt64(closeDelay), bits: 32)
    try parameters.storeUInt(UInt64(generation), bits: 32)
    var builder = CellBuilder()
    try builder.storeUInt(UInt64(phase.rawValue), bits: 2)
    try builder.storeCoins(balance)
    try builder.storeCoins(stake)
    try builder.storeCoins(charged)
    try builder.storeUInt(sequence, bits: 64)
    try builder.storeUInt(UInt64(unlockTime), bits: 32)
    try builder.storeRef(try parameters.endCell())
    return try builder.endCell()
  }

  /// Reads a data cell.
  public init(dataCell: Cell) throws {
    var slice = dataCell.beginParse()
    guard let phase = Phase(rawValue: UInt8(try slice.loadUInt(bits: 2))) else {
      throw TONError(.invalidCell, "bad phase")
    }
    self.phase = phase
    balance = try slice.loadCoins()
    stake = try slice.loadCoins()
    charged = try slice.loadCoins()
    sequence = try slice.loadUInt(bits: 64)
    unlockTime = UInt32(try slice.loadUInt(bits: 32))
    var parameters = try slice.loadRef().beginParse()
    try slice.expectEnd("client contract data")
    owner = try parameters.loadRequiredAddress()
    coordinator = try parameters.loadRequiredAddress()
    coordinatorKey = try parameters.loadBytes(32)
    closeDelay = UInt32(try parameters.loadUInt(bits: 32))
    generation = UInt32(try parameters.loadUInt(bits: 32))
    try parameters.expectEnd("client contract parameters")
  }

  /// Decodes `get_client_state`.
  public init(stack: [TVMValue]) throws {
    var reader = try StackReader(stack, count: 11, method: "get_client_state")
    guard let phase = Phase(rawValue: try reader.integer()) else { throw TONError(.invalidValue, "bad phase") }
    self.phase = phase
    owner = try reader.address()
    coordinator = try reader.address()
    coordinatorKey = try reader.bytes32()
    closeDelay = try reader.integer()
    balance = try reader.uint()
    stake = try reader.uint()
    charged = try reader.uint()
    sequence = try reader.integer()
    unlockTime = try reader.integer()
    generation = try reader.integer()
  }

  /// The deploy state of the contract for this (new) state.
  public func stateInit() throws -> StateInit { try CocoonContract.client.stateInit(data: dataCell()) }

  /// The address of the client contract of `owner` with this coordinator (what the coordinator contract checks).
  public static func address(
    owner: Address, coordinator: Address, coordinatorKey: [UInt8], closeDelay: UInt32, generation: UInt32 = 0,
    workchain: Int32 = 0
  ) throws -> Address {
    try ClientContractState(
      owner: owner, coordinator: coordinator, coordinatorKey: coordinatorKey, closeDelay: closeDelay,
      generation: generation
    ).stateInit().address(workchain: workchain)
  }
}
