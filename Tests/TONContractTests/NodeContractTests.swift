import BigInt
import CocoonTONContracts
import TON
import TONEmulator
import Testing

@Suite("Node contract in the real TVM", .enabled(if: ContractChain.library != nil, ContractChain.skipReason))
struct NodeContractTests {
  static let ton = ContractChain.ton
  let owner = ContractChain.wallet(0xB1)
  let submitter = ContractChain.wallet(0xB9)  // anyone may submit a voucher

  @Test("payouts by cumulative voucher reach the node owner from the coordinator's funds")
  func payout() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let (node, deployed) = try network.openNode(owner)
    expectGas(deployed.first, "node deploy", below: 10_000)
    let before = try chain.balance(owner)
    let first = try network.send(
      try network.voucher(ContractOp.nodePayout, .payout, for: node, sequence: 1, amount: Self.ton), to: node,
      from: submitter)
    expectGas(first.first, "node payout (voucher)", below: 25_000)
    expectGas(first.on(network.coordinator), "coordinator pay_node", below: 30_000)
    #expect(try chain.balance(owner) > before + Self.ton)
    try network.send(
      try network.voucher(ContractOp.nodePayout, .payout, for: node, sequence: 2, amount: 3 * Self.ton / 2), to: node,
      from: owner)
    #expect(try chain.balance(owner) > before + 3 * Self.ton / 2)
    let state = try network.nodeStatus(node)
    #expect(state.paid == 3 * Self.ton / 2 && state.sequence == 2 && state.owner == owner)
    #expect(try NodeContractState(dataCell: #require(try chain.data(node))) == state)
    #expect(try network.coordinatorStatus().paid == 3 * Self.ton / 2)
  }

  @Test("refusals: forged, replayed, decreasing and misbound vouchers, too little value")
  func refusals() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let (node, _) = try network.openNode(owner)
    let (other, _) = try network.openNode(ContractChain.wallet(0xB2))
    try network.send(
      try network.voucher(ContractOp.nodePayout, .payout, for: node, sequence: 3, amount: Self.ton), to: node,
      from: owner)
    let stranger = try KeyPair(seed: [UInt8](repeating: 0xEF, count: 32))
    func payout(
      _ sequence: UInt64, _ amount: BigUInt, kind: SignedPayload.Kind = .payout, contract: Address? = nil,
      keys: KeyPair? = nil, globalID: Int32? = nil
    ) throws -> Cell {
      try network.voucher(
        ContractOp.nodePayout, kind, for: contract ?? node, sequence: sequence, amount: amount,
        keys: keys, globalID: globalID)
    }
    let cases: [(ContractExitCode, Cell, BigUInt)] = [
      (.badSignature, try payout(4, 2 * Self.ton, keys: stranger), CocoonNetwork.fee),
      (.wrongKind, try payout(4, 2 * Self.ton, kind: .charge), CocoonNetwork.fee),
      (.wrongAddress, try payout(4, 2 * Self.ton, contract: other), CocoonNetwork.fee),
      (.wrongNetwork, try payout(4, 2 * Self.ton, globalID: NetworkGlobalID.testnet), CocoonNetwork.fee),
      (.replayed, try payout(3, 2 * Self.ton), CocoonNetwork.fee),
      (.amountDecreased, try payout(4, Self.ton - 1), CocoonNetwork.fee),
      (.lowValue, try payout(4, 2 * Self.ton), 20_000_000),
      (.unknownOp, try ContractBody.plain(0x0BAD_0BAD), CocoonNetwork.fee),
    ]
    for (code, body, value) in cases {
      try chain.expectRefusal(code, on: node) { try network.send(body, to: node, from: submitter, value: value) }
    }
    #expect(try network.nodeStatus(node).paid == Self.ton)
  }

  @Test("a payout the coordinator cannot fund bounces back and the node's paid total is restored")
  func unfundedPayoutBounces() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain, stake: Self.ton)
    let (node, _) = try network.openNode(owner)
    try network.send(
      try network.voucher(ContractOp.nodePayout, .payout, for: node, sequence: 1, amount: Self.ton / 2), to: node,
      from: owner)
    let coordinatorData = try chain.data(network.coordinator)
    let trace = try network.send(
      try network.voucher(ContractOp.nodePayout, .payout, for: node, sequence: 2, amount: 5 * Self.ton), to: node,
      from: owner)
    #expect(trace.on(network.coordinator)?.exitCode == ContractExitCode.insufficientFunds.rawValue)
    #expect(try chain.data(network.coordinator) == coordinatorData)
    let bounce = try #require(trace.steps.last)
    #expect(bounce.address == node && bounce.message.bounced)
    expectGas(bounce.transaction, "node bounced pay_node (restores paid)", below: 15_000)
    let state = try network.nodeStatus(node)
    #expect(state.paid == Self.ton / 2 && state.sequence == 2)
    // A bounce that does not come from the coordinator is ignored.
    let data = try chain.data(node)
    try chain.run(
      try bouncedMessage(
        from: owner, to: node, lt: 7, now: chain.now, op: ContractOp.coordinatorPayNode, amount: Self.ton / 2))
    #expect(try chain.data(node) == data)
  }
}
