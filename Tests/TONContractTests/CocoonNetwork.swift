import BigInt
import CocoonTONContracts
import TON
import TONEmulator
import Testing

/// A coordinator contract deployed in a ``ContractChain``, with helpers to open its client and node contracts and
/// to sign its vouchers.
struct CocoonNetwork {
  static let ton = ContractChain.ton
  static let fee = BigUInt(100_000_000)  // what tests attach to an operation (the contracts need 0.05 TON)

  let chain: ContractChain
  let coordinatorKeys = try! KeyPair(seed: [UInt8](repeating: 0xC1, count: 32))
  let coordinatorOwner = ContractChain.wallet(0xC0)
  let closeDelay: UInt32
  let coordinatorState: CoordinatorContractState
  let coordinator: Address
  let deployTrace: ContractChain.Trace

  init(chain: ContractChain, closeDelay: UInt32 = 3_600, stake: BigUInt = 5 * ContractChain.ton) throws {
    self.chain = chain
    self.closeDelay = closeDelay
    coordinatorState = CoordinatorContractState(
      owner: coordinatorOwner, key: coordinatorKeys.publicKey, clientCloseDelay: closeDelay)
    let stateInit = try coordinatorState.stateInit()
    coordinator = try stateInit.address()
    deployTrace = try chain.send(
      from: coordinatorOwner, to: coordinator, value: stake + Self.fee,
      body: try ContractBody.amount(ContractOp.coordinatorAddStake, stake), stateInit: stateInit)
  }

  func coordinatorStatus() throws -> CoordinatorContractState {
    try CoordinatorContractState(stack: chain.get(coordinator, "get_coordinator_state"))
  }

  /// The client contract `owner` would deploy with this coordinator.
  func client(_ owner: Address, generation: UInt32 = 0) throws -> (state: ClientContractState, address: Address) {
    let state = coordinatorState.client(owner: owner, coordinatorAddress: coordinator, generation: generation)
    return (state, try state.stateInit().address())
  }

  /// Deploys `owner`'s client contract with a first top-up.
  @discardableResult
  func openClient(_ owner: Address, topUp: BigUInt, generation: UInt32 = 0) throws
    -> (address: Address, trace: ContractChain.Trace)
  {
    let (state, address) = try client(owner, generation: generation)
    let trace = try chain.send(
      from: owner, to: address, value: topUp + Self.fee, body: try ContractBody.amount(ContractOp.clientTopUp, topUp),
      stateInit: try state.stateInit())
    return (address, trace)
  }

  func clientStatus(_ address: Address) throws -> ClientContractState {
    try ClientContractState(stack: chain.get(address, "get_client_state"))
  }

  /// Deploys `owner`'s node contract (an empty message with its state init).
  @discardableResult
  func openNode(_ owner: Address) throws -> (address: Address, trace: ContractChain.Trace) {
    let stateInit = try coordinatorState.node(owner: owner, coordinatorAddress: coordinator).stateInit()
    let address = try stateInit.address()
    return (address, try chain.send(from: owner, to: address, value: Self.fee, body: nil, stateInit: stateInit))
  }

  func nodeStatus(_ address: Address) throws -> NodeContractState {
    try NodeContractState(stack: chain.get(address, "get_node_state"))
  }

  /// A signed voucher body for `contract` (signed by the coordinator unless `keys` says otherwise).
  func voucher(
    _ op: UInt32, _ kind: SignedPayload.Kind, for contract: Address, sequence: UInt64, amount: BigUInt,
    keys: KeyPair? = nil, globalID: Int32? = nil
  ) throws -> Cell {
    let payload = try SignedPayload.voucher(
      kind, contract: contract, globalID: globalID ?? chain.globalID, sequence: sequence, amount: amount)
    return try payload.body(op: op, signature: try payload.signature(by: keys ?? coordinatorKeys))
  }

  /// Sends `body` to `contract` from `sender` with the operation fee.
  @discardableResult
  func send(_ body: Cell, to contract: Address, from sender: Address, value: BigUInt = fee) throws
    -> ContractChain.Trace
  {
    try chain.send(from: sender, to: contract, value: value, body: body)
  }
}
