import BigInt
import CocoonTONContracts
import TON
import TONEmulator
import Testing

@Suite("Coordinator contract in the real TVM", .enabled(if: ContractChain.library != nil, ContractChain.skipReason))
struct CoordinatorContractTests {
  static let ton = ContractChain.ton
  let submitter = ContractChain.wallet(0xD9)

  func checkpoint(_ network: CocoonNetwork, _ sequence: UInt64, keys: KeyPair? = nil, globalID: Int32? = nil) throws
    -> Cell
  {
    let payload = try SignedPayload.checkpoint(
      contract: network.coordinator, globalID: globalID ?? network.chain.globalID, sequence: sequence,
      stateHash: [UInt8](repeating: UInt8(sequence), count: 32))
    return try payload.body(
      op: ContractOp.coordinatorCheckpoint, signature: payload.signature(by: keys ?? network.coordinatorKeys))
  }

  @Test("checkpoints commit with a strictly increasing sequence under the coordinator's key")
  func checkpoints() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let committed = try network.send(try checkpoint(network, 7), to: network.coordinator, from: submitter)
    expectGas(committed.first, "coordinator checkpoint", below: 25_000)
    var state = try network.coordinatorStatus()
    #expect(state.checkpointSequence == 7 && state.checkpointHash == [UInt8](repeating: 7, count: 32))
    let stranger = try KeyPair(seed: [UInt8](repeating: 0xED, count: 32))
    try chain.expectRefusal(.replayed, on: network.coordinator) {
      try network.send(try checkpoint(network, 7), to: network.coordinator, from: submitter)
    }
    try chain.expectRefusal(.badSignature, on: network.coordinator) {
      try network.send(try checkpoint(network, 8, keys: stranger), to: network.coordinator, from: submitter)
    }
    try chain.expectRefusal(.wrongNetwork, on: network.coordinator) {
      try network.send(
        try checkpoint(network, 8, globalID: NetworkGlobalID.testnet), to: network.coordinator, from: submitter)
    }
    try chain.expectRefusal(.lowValue, on: network.coordinator) {
      try network.send(try checkpoint(network, 8), to: network.coordinator, from: submitter, value: 20_000_000)
    }
    try network.send(try checkpoint(network, 8), to: network.coordinator, from: submitter)
    state = try network.coordinatorStatus()
    #expect(state.checkpointSequence == 8 && state.stake == 5 * Self.ton)
    try chain.expectRefusal(.notOwner, on: network.coordinator) {
      try network.send(
        try ContractBody.amount(ContractOp.coordinatorAddStake, Self.ton), to: network.coordinator,
        from: submitter, value: 2 * Self.ton)
    }
    try chain.expectRefusal(.lowValue, on: network.coordinator) {
      try network.send(
        try ContractBody.amount(ContractOp.coordinatorAddStake, Self.ton), to: network.coordinator,
        from: network.coordinatorOwner, value: Self.ton + 10_000_000)
    }
  }

  @Test("a client contract that names this coordinator with another key is not counted, and its refused notice bounces")
  func foreignClient() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let otherKey = try KeyPair(seed: [UInt8](repeating: 0xC9, count: 32)).publicKey
    let owner = ContractChain.wallet(0xA7)
    let foreign = ClientContractState(
      owner: owner, coordinator: network.coordinator, coordinatorKey: otherKey, closeDelay: 3_600)
    let address = try foreign.stateInit().address()
    let coordinatorData = try chain.data(network.coordinator)
    let trace = try chain.send(
      from: owner, to: address, value: 2 * Self.ton, body: try ContractBody.amount(ContractOp.clientTopUp, Self.ton),
      stateInit: try foreign.stateInit())
    #expect(trace.on(network.coordinator)?.exitCode == ContractExitCode.notChild.rawValue)
    #expect(try chain.data(network.coordinator) == coordinatorData)
    #expect(trace.steps.last?.address == address && trace.steps.last?.message.bounced == true)
    #expect(try network.clientStatus(address).balance == Self.ton)
  }

  @Test("close only with every client closed and every vouched payout paid; senders must be its own contracts")
  func close() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let clientOwner = ContractChain.wallet(0xA5)
    let (client, _) = try network.openClient(clientOwner, topUp: 5 * Self.ton)
    let (node, _) = try network.openNode(ContractChain.wallet(0xB5))
    try network.send(
      try network.voucher(ContractOp.clientCharge, .charge, for: client, sequence: 1, amount: 2 * Self.ton), to: client,
      from: submitter)
    try network.send(
      try network.voucher(ContractOp.nodePayout, .payout, for: node, sequence: 1, amount: Self.ton), to: node,
      from: submitter)
    let owner = network.coordinatorOwner
    let vouched = 3 * Self.ton / 2  // the coordinator vouched 1.5 TON to the node; 1 TON is claimed so far

    // Claims from anything but its own client and node contracts are refused.
    var forged = try ContractBody.header(ContractOp.coordinatorClientNotify)
    try forged.storeAddress(clientOwner)
    try forged.storeUInt(0, bits: 32)  // generation
    try forged.storeCoins(0)
    try forged.storeUInt(2, bits: 2)
    try chain.expectRefusal(.notChild, on: network.coordinator) {
      try network.send(try forged.endCell(), to: network.coordinator, from: clientOwner)
    }
    var claim = try ContractBody.header(ContractOp.coordinatorPayNode)
    try claim.storeCoins(Self.ton)
    try claim.storeAddress(submitter)
    try chain.expectRefusal(.notChild, on: network.coordinator) {
      try network.send(try claim.endCell(), to: network.coordinator, from: submitter)
    }

    try chain.expectRefusal(.notOwner, on: network.coordinator) {
      try network.send(
        try ContractBody.amount(ContractOp.coordinatorClose, vouched), to: network.coordinator, from: submitter)
    }
    try chain.expectRefusal(.clientsOpen, on: network.coordinator) {
      try network.send(
        try ContractBody.amount(ContractOp.coordinatorClose, vouched), to: network.coordinator, from: owner)
    }
    try network.send(
      try network.voucher(ContractOp.clientCloseFinal, .finalCharge, for: client, sequence: 2, amount: 2 * Self.ton),
      to: client, from: clientOwner)
    try chain.expectRefusal(.nodesUnpaid, on: network.coordinator) {
      try network.send(
        try ContractBody.amount(ContractOp.coordinatorClose, vouched), to: network.coordinator, from: owner)
    }
    try network.send(
      try network.voucher(ContractOp.nodePayout, .payout, for: node, sequence: 2, amount: vouched), to: node,
      from: submitter)

    let before = try chain.balance(owner)
    let closed = try network.send(
      try ContractBody.amount(ContractOp.coordinatorClose, vouched), to: network.coordinator, from: owner)
    expectGas(closed.first, "coordinator close", below: 20_000)
    // Stake 5 + earned 2 - paid 1.5 = 5.5 TON of accounted funds, plus fee leftovers.
    #expect(try chain.balance(owner) > before + 11 * Self.ton / 2)
    let state = try network.coordinatorStatus()
    #expect(state.closed && state.openClients == 0 && state.paid == vouched && state.earned == 2 * Self.ton)
    try chain.expectRefusal(.wrongState, on: network.coordinator) {
      try network.send(
        try ContractBody.amount(ContractOp.coordinatorAddStake, Self.ton), to: network.coordinator, from: owner,
        value: 2 * Self.ton)
    }
  }
}
