import CocoonAccounting
import CocoonCore
import CocoonPaymentLocal
import Foundation
import Testing

@Suite("End to end on the local ledger: accounting, vouchers, payout and close add up to the nano-unit")
struct EndToEndTests {
  @Test("a client deposits, runs requests, everyone settles; balances equal the priced usages")
  func endToEnd() async throws {
    let fixture = try await LedgerFixture()
    let clientAddress = fixture.clientKey.address
    let coordinatorAddress = fixture.coordinatorKey.address
    let nodeAddress = fixture.nodeKey.address
    let registry = try await fixture.client.registry()
    let prices = registry.prices
    let deposit = try NanoAmount(units: "0.05")
    try await fixture.fund(deposit, stake: registry.minimumClientStake)

    // The coordinator's side: its accounting, synced from the ledger.
    let store = try AccountingStore(
      path: fixture.directory + "/coordinator.sqlite", network: fixture.ledger.networkID,
      signer: fixture.coordinatorKey, prices: prices, minimumStake: registry.minimumClientStake)
    try await RollbackCheck.verify(store, lastCheckpoint: try await fixture.coordinator.lastCheckpoint(coordinator: coordinatorAddress))
    try await store.syncClient(clientAddress, ledger: try await fixture.clientAccount())
    let expectation = VoucherVerifier.Expectation(
      network: fixture.ledger.networkID, coordinator: coordinatorAddress, coordinatorKey: fixture.coordinatorKey.publicKey)
    let clientWallet = try VoucherWallet(path: fixture.directory + "/client-vouchers.json")
    let nodeWallet = try VoucherWallet(path: fixture.directory + "/node-vouchers.json")

    var expectedCost = NanoAmount.zero
    var expectedEarning = NanoAmount.zero
    var generator = SeededGenerator(seed: 42)
    for index in 0..<40 {
      let prompt = Int.random(in: 1...300, using: &generator)
      let maxCompletion = Int.random(in: 1...200, using: &generator)
      let coefficient = UInt64.random(in: 8_000...12_000, using: &generator)
      let usage = TokenUsage(
        promptTokens: prompt, cachedTokens: Int.random(in: 0...prompt, using: &generator),
        completionTokens: maxCompletion, reasoningTokens: Int.random(in: 0...maxCompletion, using: &generator))
      let maxCost = try prices.maxCost(promptTokens: prompt, maxCompletionTokens: maxCompletion, coefficient: coefficient)
      do {
        try await store.reserve(client: clientAddress, requestID: "r\(index)", maxCost: maxCost)
      } catch let error as CocoonError where error.code == .overStake {
        // The stake is used up: the coordinator settles on the ledger, then admits again.
        try await fixture.ledger.submit(try #require(try await store.clientState(clientAddress)?.lastVoucher))
        try await store.syncClient(clientAddress, ledger: try await fixture.clientAccount())
        try await store.reserve(client: clientAddress, requestID: "r\(index)", maxCost: maxCost)
      }
      let settlement = try await store.settle(
        requestID: "r\(index)", usage: usage, node: nodeAddress, coefficient: coefficient)
      try await clientWallet.accept(settlement.clientVoucher, expected: expectation)
      try await nodeWallet.accept(settlement.nodeVoucher, expected: expectation)
      expectedCost = try expectedCost.adding(try prices.cost(of: usage, coefficient: coefficient))
      expectedEarning = try expectedEarning.adding(try prices.nodeEarning(of: usage, coefficient: coefficient))
      if index % 10 == 9 {
        let checkpoint = try await store.checkpoint()
        try await fixture.coordinator.commit(checkpoint, coordinator: coordinatorAddress)
      }
    }

    // Settle everything: the latest charge, the node's payout, a co-signed close, the coordinator's close.
    try await fixture.coordinator.submit(try #require(await clientWallet.latest(from: coordinatorAddress, kind: .clientCharge)))
    try await fixture.node.submit(try #require(await nodeWallet.latest(from: coordinatorAddress, kind: .nodeEarning)))
    let finalCharge = try await store.finalCharge(for: clientAddress)
    try await fixture.client.close(client: clientAddress, coordinator: coordinatorAddress, finalCharge: finalCharge)
    try await fixture.coordinator.closeCoordinator(
      coordinator: coordinatorAddress, vouchedNodeEarnings: try await store.vouchedNodeEarnings())
    try await RollbackCheck.verify(
      store, lastCheckpoint: try await fixture.coordinator.lastCheckpoint(coordinator: coordinatorAddress),
      presented: await clientWallet.all + nodeWallet.all)

    #expect(expectedCost > .zero && expectedEarning < expectedCost)
    #expect(try await fixture.ledger.walletBalance(address: clientAddress) == deposit.subtracting(expectedCost))
    #expect(try await fixture.ledger.walletBalance(address: nodeAddress) == expectedEarning)
    #expect(
      try await fixture.ledger.walletBalance(address: coordinatorAddress) == expectedCost.subtracting(expectedEarning))
    let totals = try await fixture.ledger.totals()
    #expect(totals.held == totals.deposited && totals.wallets == deposit)
  }
}

/// SplitMix64: a small seeded generator so property tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
