public import BigInt
public import TON
public import TONEmulator

/// The node contract's storage (`NodeStorage` in cocoon.tlb).
public struct NodeContractState: Sendable, Hashable {
  /// The node's wallet: where payouts go.
  public var owner: Address
  /// The coordinator contract that funds payouts.
  public var coordinator: Address
  /// The coordinator's Ed25519 public key.
  public var coordinatorKey: [UInt8]
  /// The cumulative amount paid out so far.
  public var paid: BigUInt = 0
  /// The sequence of the last voucher applied.
  public var sequence: UInt64 = 0

  /// The state a node contract is deployed with.
  public init(owner: Address, coordinator: Address, coordinatorKey: [UInt8]) {
    self.owner = owner
    self.coordinator = coordinator
    self.coordinatorKey = coordinatorKey
  }

  /// The data cell.
  public func dataCell() throws -> Cell {
    var builder = CellBuilder()
    try builder.storeAddress(owner)
    try builder.storeAddress(coordinator)
    try builder.storeBytes(coordinatorKey)
    try builder.storeCoins(paid)
    try builder.storeUInt(sequence, bits: 64)
    return try builder.endCell()
  }

  /// Reads a data cell.
  public init(dataCell: Cell) throws {
    var slice = dataCell.beginParse()
    owner = try slice.loadRequiredAddress()
    coordinator = try slice.loadRequiredAddress()
    coordinatorKey = try slice.loadBytes(32)
    paid = try slice.loadCoins()
    sequence = try slice.loadUInt(bits: 64)
    try slice.expectEnd("node contract data")
  }

  /// Decodes `get_node_state`.
  public init(stack: [TVMValue]) throws {
    var reader = try StackReader(stack, count: 5, method: "get_node_state")
    owner = try reader.address()
    coordinator = try reader.address()
    coordinatorKey = try reader.bytes32()
    paid = try reader.uint()
    sequence = try reader.integer()
  }

  /// The deploy state of the contract for this (new) state.
  public func stateInit() throws -> StateInit { try CocoonContract.node.stateInit(data: dataCell()) }
}
