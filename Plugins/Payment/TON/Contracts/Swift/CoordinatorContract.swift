public import BigInt
public import TON
public import TONEmulator

/// The coordinator contract's storage (`CoordinatorStorage` in cocoon.tlb).
///
/// Settlement is tracked by two numbers: `openClients` (client contracts that announced their opening and have
/// not closed; only genuine client contracts of this coordinator can change it) and `paid` (what node contracts
/// claimed). The coordinator closes only with no open client and with `paid` equal to the total it vouched for.
public struct CoordinatorContractState: Sendable, Hashable {
  public var closed = false
  /// The coordinator's own stake; it backs node payouts.
  public var stake: BigUInt = 0
  /// What client contracts paid in (charges).
  public var earned: BigUInt = 0
  /// What node contracts were paid.
  public var paid: BigUInt = 0
  public var openClients: UInt32 = 0
  /// The last committed checkpoint.
  public var checkpointSequence: UInt64 = 0
  public var checkpointHash: [UInt8] = [UInt8](repeating: 0, count: 32)
  /// The coordinator's wallet: sends stake and close, receives the funds on close.
  public var owner: Address
  /// The coordinator's Ed25519 public key (vouchers and checkpoints).
  public var key: [UInt8]
  /// The close delay of this coordinator's client contracts.
  public var clientCloseDelay: UInt32

  /// The state a coordinator contract is deployed with.
  public init(owner: Address, key: [UInt8], clientCloseDelay: UInt32) {
    self.owner = owner
    self.key = key
    self.clientCloseDelay = clientCloseDelay
  }

  /// The data cell (with the client and node contract codes it checks senders against).
  public func dataCell() throws -> Cell {
    var parameters = CellBuilder()
    try parameters.storeAddress(owner)
    try parameters.storeBytes(key)
    try parameters.storeUInt(UInt64(clientCloseDelay), bits: 32)
    try parameters.storeRef(try CocoonContract.client.code)
    try parameters.storeRef(try CocoonContract.node.code)
    var builder = CellBuilder()
    try builder.storeUInt(closed ? 1 : 0, bits: 2)
    try builder.storeCoins(stake)
    try builder.storeCoins(earned)
    try builder.storeCoins(paid)
    try builder.storeUInt(UInt64(openClients), bits: 32)
    try builder.storeUInt(checkpointSequence, bits: 64)
    try builder.storeBytes(checkpointHash)
    try builder.storeRef(try parameters.endCell())
    return try builder.endCell()
  }

  /// Decodes `get_coordinator_state`.
  public init(stack: [TVMValue]) throws {
    var reader = try StackReader(stack, count: 10, method: "get_coordinator_state")
    closed = try reader.integer(UInt8.self) == 1
    stake = try reader.uint()
    earned = try reader.uint()
    paid = try reader.uint()
    openClients = try reader.integer()
    checkpointSequence = try reader.integer()
    checkpointHash = try reader.bytes32()
    owner = try reader.address()
    key = try reader.bytes32()
    clientCloseDelay = try reader.integer()
  }

  /// The deploy state of the contract for this (new) state.
  public func stateInit() throws -> StateInit { try CocoonContract.coordinator.stateInit(data: dataCell()) }

  /// The state of the client contract `owner` deploys (as its `generation`) for this coordinator contract.
  public func client(owner: Address, coordinatorAddress: Address, generation: UInt32 = 0) -> ClientContractState {
    ClientContractState(
      owner: owner, coordinator: coordinatorAddress, coordinatorKey: key, closeDelay: clientCloseDelay,
      generation: generation)
  }

  /// The state of the node contract for `owner` and this coordinator contract at `address`.
  public func node(owner: Address, coordinatorAddress: Address) -> NodeContractState {
    NodeContractState(owner: owner, coordinator: coordinatorAddress, coordinatorKey: key)
  }
}
