import CocoonAccounting
import CocoonCore
import Foundation
import Testing

@Suite("Accounting store: reserve, settle, release")
struct AccountingStoreTests {
  let coordinator = Ed25519LedgerKey()

  @Test("a settled request charges the real cost, credits the node and returns vouchers matching the database")
  func settle() async throws {
    let store = try await makeStore(directory: try temporaryDirectory(), coordinator: coordinator)
    try await store.reserve(client: "client-a", requestID: "r1", maxCost: 500_000)
    let usage = TokenUsage(promptTokens: 100, cachedTokens: 50, completionTokens: 20)
    let settlement = try await store.settle(requestID: "r1", usage: usage, node: "node-1")
    // 50 + 50×0.1 + 20 = 75 tokens × 1000; node 75 × 800.
    #expect(settlement.cost == 75_000)
    #expect(settlement.nodeEarning == 60_000)
    let client = try #require(try await store.clientState("client-a"))
    #expect(client.charged == 75_000 && client.reserved == .zero && client.voucherSequence == 1)
    #expect(client.tokens == 120)
    #expect(try await store.nodeState("node-1")?.tokens == 120)
    #expect(client.lastVoucher == settlement.clientVoucher)
    #expect(try await store.nodeState("node-1")?.earned == 60_000)
    let expectation = VoucherVerifier.Expectation(
      network: testNetwork, coordinator: coordinator.address, coordinatorKey: coordinator.publicKey)
    try VoucherVerifier.verify(settlement.clientVoucher, expectation, after: nil)
    try VoucherVerifier.verify(settlement.nodeVoucher, expectation, after: nil)
    #expect(try await store.requestRecord("r1")?.status == .settled)
  }

  @Test("batches admit and settle in one transaction each; a bad item fails alone and changes nothing")
  func batch() async throws {
    let store = try await makeStore(directory: try temporaryDirectory())
    let admitted = try await store.reserve([
      Reservation(client: "client-a", requestID: "r1", maxCost: 100_000),
      Reservation(client: "client-a", requestID: "r2", maxCost: 100_000),
      Reservation(client: "client-a", requestID: "r1", maxCost: 1),
      Reservation(client: "client-a", requestID: "big", maxCost: 900_001),
    ])
    #expect(throws: Never.self) { try admitted[0].get() }
    #expect(throws: Never.self) { try admitted[1].get() }
    #expect(throws: CocoonError(.requestState, "")) { try admitted[2].get() }
    #expect(throws: CocoonError(.overStake, "")) { try admitted[3].get() }
    let results = try await store.settle([
      UsageReport(requestID: "r1", usage: TokenUsage(promptTokens: 10), node: "n"),
      UsageReport(requestID: "missing", usage: TokenUsage(promptTokens: 10), node: "n"),
      UsageReport(requestID: "r2", usage: TokenUsage(promptTokens: 5, cachedTokens: 6), node: "n"),
      UsageReport(requestID: "r2", usage: TokenUsage(promptTokens: 20), node: "n"),
    ])
    #expect(try results[0].get().clientVoucher.amount == 10_000)
    #expect(throws: CocoonError(.requestState, "")) { try results[1].get() }
    #expect(throws: CocoonError(.invalidArgument, "")) { try results[2].get() }
    #expect(try results[3].get().clientVoucher.amount == 30_000)
    #expect(try results[3].get().clientVoucher.sequence == 2)
    let client = try #require(try await store.clientState("client-a"))
    #expect(client.charged == 30_000 && client.reserved == .zero && client.tokens == 30)
  }

  @Test("the cost is capped at the reservation")
  func capped() async throws {
    let store = try await makeStore(directory: try temporaryDirectory())
    try await store.reserve(client: "client-a", requestID: "r1", maxCost: 10_000)
    let settlement = try await store.settle(requestID: "r1", usage: TokenUsage(promptTokens: 1000), node: "n")
    #expect(settlement.cost == 10_000)
    #expect(settlement.nodeEarning == 10_000)
  }

  @Test("requests are admitted only while unsettled spend stays within the stake")
  func admission() async throws {
    let store = try await makeStore(directory: try temporaryDirectory(), balance: 10_000_000, stake: 1_000_000)
    try await store.reserve(client: "client-a", requestID: "r1", maxCost: 600_000)
    let error = await #expect(throws: CocoonError.self) {
      try await store.reserve(client: "client-a", requestID: "r2", maxCost: 500_000)
    }
    #expect(error?.code == .overStake)
    _ = try await store.settle(requestID: "r1", usage: TokenUsage(promptTokens: 100), node: "n")
    try await store.reserve(client: "client-a", requestID: "r2", maxCost: 500_000)
    try await store.release(requestID: "r2")
    // The ledger accepted the first charge: the stake is free again.
    try await store.syncClient(
      "client-a", ledger: ClientAccount(balance: 9_900_000, stake: 1_000_000, charged: 100_000))
    try await store.reserve(client: "client-a", requestID: "r3", maxCost: 1_000_000)
    await #expect(throws: CocoonError(.requestState, "")) {
      try await store.reserve(client: "client-a", requestID: "r2", maxCost: 0)
    }
    await #expect(throws: CocoonError(.invalidArgument, "")) {
      try await store.reserve(client: "stranger", requestID: "r4", maxCost: 1)
    }
  }

  @Test("a closing client is refused new requests")
  func closing() async throws {
    let store = try await makeStore(directory: try temporaryDirectory())
    try await store.syncClient(
      "client-a", ledger: ClientAccount(balance: 1_000_000, stake: 1_000_000, charged: .zero, unlockTime: Date()))
    let error = await #expect(throws: CocoonError.self) {
      try await store.reserve(client: "client-a", requestID: "r1", maxCost: 1)
    }
    #expect(error?.code == .accountClosed)
  }

  @Test("released and interrupted reservations free the stake and charge nothing")
  func recovery() async throws {
    let directory = try temporaryDirectory()
    let store = try await makeStore(directory: directory, coordinator: coordinator)
    try await store.reserve(client: "client-a", requestID: "r1", maxCost: 400_000)
    try await store.reserve(client: "client-a", requestID: "r2", maxCost: 400_000)
    let reopened = try AccountingStore(
      path: directory + "/coordinator.sqlite", network: testNetwork, signer: coordinator, prices: testPrices)
    #expect(try await reopened.recoverInterrupted() == 2)
    let client = try #require(try await reopened.clientState("client-a"))
    #expect(client.reserved == .zero && client.charged == .zero)
    await #expect(throws: CocoonError(.requestState, "")) {
      try await reopened.settle(requestID: "r1", usage: TokenUsage(promptTokens: 1), node: "n")
    }
  }
}
