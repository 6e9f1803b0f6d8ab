import BigInt
import CocoonTONContracts
import TON
import TONEmulator
import Testing

@Suite("Client contract in the real TVM", .enabled(if: ContractChain.library != nil, ContractChain.skipReason))
struct ClientContractTests {
  static let ton = ContractChain.ton
  let owner = ContractChain.wallet(0xA1)
  let coordinatorWallet = ContractChain.wallet(0xC2)  // whoever submits the coordinator's vouchers

  @Test("top-up deploys and opens it, then stake, withdraw, charges, close and the stake after the delay")
  func lifecycle() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    expectGas(network.deployTrace.first, "coordinator deploy + add_stake", below: 20_000)
    let (client, opened) = try network.openClient(owner, topUp: 10 * Self.ton)
    expectGas(opened.first, "client deploy + top_up (notifies)", below: 20_000)
    expectGas(opened.on(network.coordinator), "coordinator client_notify (opened)", below: 30_000)
    var state = try network.clientStatus(client)
    #expect(state.phase == .open && state.balance == 10 * Self.ton && state.stake == 0)
    #expect(try ClientContractState(dataCell: #require(try chain.data(client))) == state)
    #expect(try network.coordinatorStatus().openClients == 1)

    let topUp = try network.send(
      try ContractBody.amount(ContractOp.clientTopUp, Self.ton), to: client, from: owner,
      value: Self.ton + CocoonNetwork.fee)
    expectGas(topUp.first, "client top_up", below: 15_000)
    let stake = try network.send(
      try ContractBody.amount(ContractOp.clientIncreaseStake, 2 * Self.ton), to: client, from: owner)
    expectGas(stake.first, "client increase_stake", below: 15_000)
    let ownerBefore = try chain.balance(owner)
    let withdraw = try network.send(
      try ContractBody.amount(ContractOp.clientWithdraw, 3 * Self.ton), to: client, from: owner)
    expectGas(withdraw.first, "client withdraw", below: 15_000)
    #expect(try chain.balance(owner) > ownerBefore + 3 * Self.ton)
    state = try network.clientStatus(client)
    #expect(state.balance == 8 * Self.ton && state.stake == 2 * Self.ton)

    let first = try network.voucher(ContractOp.clientCharge, .charge, for: client, sequence: 1, amount: Self.ton)
    let charge = try network.send(first, to: client, from: coordinatorWallet)
    expectGas(charge.first, "client charge (voucher)", below: 25_000)
    expectGas(charge.on(network.coordinator), "coordinator client_notify (payment)", below: 30_000)
    let second = try network.voucher(
      ContractOp.clientCharge, .charge, for: client, sequence: 2, amount: 3 * Self.ton / 2)
    try network.send(second, to: client, from: coordinatorWallet)
    state = try network.clientStatus(client)
    #expect(
      state.balance == 8 * Self.ton - 3 * Self.ton / 2 && state.charged == 3 * Self.ton / 2 && state.sequence == 2)
    #expect(try network.coordinatorStatus().earned == 3 * Self.ton / 2)

    // Close: everything above the stake returns at once; the stake waits for the delay; charges still apply.
    let ownerBeforeClose = try chain.balance(owner)
    let close = try network.send(try ContractBody.plain(ContractOp.clientClose), to: client, from: owner)
    expectGas(close.first, "client close (request)", below: 15_000)
    #expect(try chain.balance(owner) > ownerBeforeClose + 4 * Self.ton)
    state = try network.clientStatus(client)
    #expect(state.phase == .closing && state.balance == 2 * Self.ton && state.unlockTime == chain.now + 3_600)
    try network.send(
      try network.voucher(ContractOp.clientCharge, .charge, for: client, sequence: 3, amount: 2 * Self.ton), to: client,
      from: coordinatorWallet)
    #expect(try network.clientStatus(client).balance == 3 * Self.ton / 2)

    chain.now += 3_600
    let ownerBeforeClaim = try chain.balance(owner)
    let claim = try network.send(try ContractBody.plain(ContractOp.clientClose), to: client, from: owner)
    expectGas(claim.first, "client close (claim stake after delay)", below: 20_000)
    expectGas(claim.on(network.coordinator), "coordinator client_notify (closed)", below: 30_000)
    #expect(try chain.balance(owner) > ownerBeforeClaim + 3 * Self.ton / 2)
    state = try network.clientStatus(client)
    #expect(state.phase == .closed && state.balance == 0 && state.stake == 0)
    #expect(try chain.balance(client) == 0)
    let coordinator = try network.coordinatorStatus()
    #expect(coordinator.openClients == 0 && coordinator.earned == 2 * Self.ton)
  }

  @Test("refusals: forged, replayed, decreasing, misbound vouchers, stake and balance limits, senders, fees")
  func refusals() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let (client, _) = try network.openClient(owner, topUp: 10 * Self.ton)
    let (other, _) = try network.openClient(ContractChain.wallet(0xA2), topUp: Self.ton)
    try network.send(try ContractBody.amount(ContractOp.clientIncreaseStake, 4 * Self.ton), to: client, from: owner)
    try network.send(
      try network.voucher(ContractOp.clientCharge, .charge, for: client, sequence: 5, amount: 2 * Self.ton), to: client,
      from: coordinatorWallet)
    let stranger = try KeyPair(seed: [UInt8](repeating: 0xEE, count: 32))
    func charge(
      _ sequence: UInt64, _ amount: BigUInt, kind: SignedPayload.Kind = .charge, contract: Address? = nil,
      keys: KeyPair? = nil, globalID: Int32? = nil
    ) throws -> Cell {
      try network.voucher(
        ContractOp.clientCharge, kind, for: contract ?? client, sequence: sequence, amount: amount,
        keys: keys, globalID: globalID)
    }
    let cases: [(ContractExitCode, Cell, Address, BigUInt)] = [
      (.badSignature, try charge(6, 3 * Self.ton, keys: stranger), coordinatorWallet, CocoonNetwork.fee),
      (.wrongKind, try charge(6, 3 * Self.ton, kind: .payout), coordinatorWallet, CocoonNetwork.fee),
      (.wrongAddress, try charge(6, 3 * Self.ton, contract: other), coordinatorWallet, CocoonNetwork.fee),
      (
        .wrongNetwork, try charge(6, 3 * Self.ton, globalID: NetworkGlobalID.testnet), coordinatorWallet,
        CocoonNetwork.fee
      ),
      (.replayed, try charge(5, 3 * Self.ton), coordinatorWallet, CocoonNetwork.fee),
      (.amountDecreased, try charge(6, Self.ton), coordinatorWallet, CocoonNetwork.fee),
      (.insufficientFunds, try charge(6, 13 * Self.ton), coordinatorWallet, CocoonNetwork.fee),
      (.lowValue, try charge(6, 3 * Self.ton), coordinatorWallet, 20_000_000),
      (
        .insufficientFunds, try ContractBody.amount(ContractOp.clientWithdraw, 4 * Self.ton + 1), owner,
        CocoonNetwork.fee
      ),
      (
        .insufficientFunds, try ContractBody.amount(ContractOp.clientIncreaseStake, 4 * Self.ton + 1), owner,
        CocoonNetwork.fee
      ),
      (.notOwner, try ContractBody.amount(ContractOp.clientWithdraw, Self.ton), coordinatorWallet, CocoonNetwork.fee),
      (.notOwner, try ContractBody.plain(ContractOp.clientClose), coordinatorWallet, CocoonNetwork.fee),
      (.lowValue, try ContractBody.amount(ContractOp.clientTopUp, Self.ton), owner, Self.ton + 10_000_000),
      (.unknownOp, try ContractBody.plain(0x1234_5678), owner, CocoonNetwork.fee),
    ]
    for (code, body, sender, value) in cases {
      try chain.expectRefusal(code, on: client) { try network.send(body, to: client, from: sender, value: value) }
    }
    let state = try network.clientStatus(client)
    #expect(state.balance == 8 * Self.ton && state.stake == 4 * Self.ton && state.charged == 2 * Self.ton)

    // Closing: the stake is not back before the delay, and no new funds are taken.
    try network.send(try ContractBody.plain(ContractOp.clientClose), to: client, from: owner)
    chain.now += network.closeDelay - 1
    try chain.expectRefusal(.tooEarly, on: client) {
      try network.send(try ContractBody.plain(ContractOp.clientClose), to: client, from: owner)
    }
    try chain.expectRefusal(.wrongState, on: client) {
      try network.send(
        try ContractBody.amount(ContractOp.clientTopUp, Self.ton), to: client, from: owner,
        value: Self.ton + CocoonNetwork.fee)
    }
    try chain.expectRefusal(.wrongState, on: client) {
      try network.send(try ContractBody.amount(ContractOp.clientIncreaseStake, 1), to: client, from: owner)
    }
  }

  @Test("the coordinator's co-signed final charge closes at once, before the delay")
  func cooperativeClose() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let (client, _) = try network.openClient(owner, topUp: 10 * Self.ton)
    try network.send(try ContractBody.amount(ContractOp.clientIncreaseStake, 3 * Self.ton), to: client, from: owner)
    try network.send(try ContractBody.plain(ContractOp.clientClose), to: client, from: owner)
    let final = try network.voucher(
      ContractOp.clientCloseFinal, .finalCharge, for: client, sequence: 1, amount: Self.ton)
    // A plain charge voucher cannot close, and only the owner submits the final charge.
    try chain.expectRefusal(.wrongKind, on: client) {
      try network.send(
        try network.voucher(ContractOp.clientCloseFinal, .charge, for: client, sequence: 1, amount: Self.ton),
        to: client,
        from: owner)
    }
    try chain.expectRefusal(.notOwner, on: client) { try network.send(final, to: client, from: coordinatorWallet) }
    let ownerBefore = try chain.balance(owner)
    let closed = try network.send(final, to: client, from: owner)
    expectGas(closed.first, "client close_final (co-signed)", below: 30_000)
    #expect(try chain.balance(owner) > ownerBefore + 2 * Self.ton)
    let state = try network.clientStatus(client)
    #expect(state.phase == .closed && state.charged == Self.ton && state.balance == 0)
    let coordinator = try network.coordinatorStatus()
    #expect(coordinator.openClients == 0 && coordinator.earned == Self.ton)
    try chain.expectRefusal(.wrongState, on: client) {
      try network.send(
        try network.voucher(ContractOp.clientCharge, .charge, for: client, sequence: 2, amount: Self.ton), to: client,
        from: coordinatorWallet)
    }
  }

  @Test("a closed client reopens as its next generation, where the earlier generation's vouchers do not apply")
  func nextGeneration() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let (first, _) = try network.openClient(owner, topUp: 2 * Self.ton)
    let charge = try network.voucher(ContractOp.clientCharge, .charge, for: first, sequence: 1, amount: Self.ton)
    try network.send(charge, to: first, from: coordinatorWallet)
    try network.send(
      try network.voucher(ContractOp.clientCloseFinal, .finalCharge, for: first, sequence: 2, amount: Self.ton),
      to: first,
      from: owner)
    try chain.expectRefusal(.wrongState, on: first) {
      try network.send(
        try ContractBody.amount(ContractOp.clientTopUp, Self.ton), to: first, from: owner,
        value: Self.ton + CocoonNetwork.fee)
    }
    let (second, _) = try network.openClient(owner, topUp: 2 * Self.ton, generation: 1)
    #expect(second != first)
    #expect(try network.clientStatus(second).generation == 1)
    #expect(try network.coordinatorStatus().openClients == 1)
    try chain.expectRefusal(.wrongAddress, on: second) { try network.send(charge, to: second, from: coordinatorWallet) }
    #expect(try network.clientStatus(second).balance == 2 * Self.ton)
  }

  @Test("a bounced message changes nothing")
  func bounced() throws {
    let chain = try ContractChain()
    let network = try CocoonNetwork(chain: chain)
    let (client, _) = try network.openClient(owner, topUp: 10 * Self.ton)
    let data = try chain.data(client)
    let trace = try chain.run(try bouncedMessage(from: network.coordinator, to: client, lt: 5, now: chain.now))
    #expect(trace.first.computeSuccess == true)
    #expect(try chain.data(client) == data)
  }
}

/// A bounced message (`bounced` flag set, body `0xffffffff` and the start of the original) as the network delivers it.
func bouncedMessage(
  from source: Address, to destination: Address, lt: UInt64, now: UInt32,
  op: UInt32 = ContractOp.coordinatorClientNotify, amount: BigUInt = 1
) throws -> Cell {
  var body = CellBuilder()
  try body.storeUInt(0xffff_ffff, bits: 32)
  try body.storeUInt(UInt64(op), bits: 32)
  try body.storeUInt(0, bits: 64)
  try body.storeCoins(amount)
  var builder = CellBuilder()
  try builder.storeUInt(0b0101, bits: 4)  // int_msg_info$0 ihr_disabled bounce=0 bounced=1
  try builder.storeAddress(source)
  try builder.storeAddress(destination)
  try builder.storeCoins(10_000_000)
  try builder.storeUInt(0, bits: 1 + 4 + 4)
  try builder.storeUInt(lt, bits: 64)
  try builder.storeUInt(UInt64(now), bits: 32)
  try builder.storeBit(false)
  try builder.storeBit(true)
  try builder.storeRef(try body.endCell())
  return try builder.endCell()
}
