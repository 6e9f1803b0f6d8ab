import CocoonAccounting
import CocoonCore
import CocoonPaymentLocal
import Foundation
import GRDB
import Testing

@Suite("Coordinator settlement against the local ledger")
struct CoordinatorSettlementTests {
  func makeStore(_ fixture: LedgerFixture, path: String? = nil) throws -> AccountingStore {
    try AccountingStore(
      path: path ?? fixture.directory + "/coordinator.sqlite", network: fixture.ledger.networkID,
      signer: fixture.coordinatorKey, prices: seed.prices, minimumStake: seed.minimumClientStake)
  }

  /// A ledger whose client deposited 3_000_000 and staked 1_000_000, and a prepared settlement that read it.
  func fundedAndPrepared() async throws -> (LedgerFixture, CoordinatorSettlement) {
    let fixture = try await LedgerFixture()
    try await fixture.fund(3_000_000, stake: 1_000_000)
    let settlement = CoordinatorSettlement(store: try makeStore(fixture), network: fixture.coordinator)
    try await settlement.prepare(endpoint: "127.0.0.1:9301")
    try await settlement.refresh(client: fixture.clientKey.address)
    return (fixture, settlement)
  }

  @Test("settling submits vouched charges, frees the stake and commits a checkpoint")
  func settles() async throws {
    let (fixture, settlement) = try await fundedAndPrepared()
    try await settlement.store.reserve(client: fixture.clientKey.address, requestID: "r1", maxCost: 900_000)
    _ = try await settlement.store.settle(requestID: "r1", usage: TokenUsage(promptTokens: 700), node: "n")
    await #expect(throws: CocoonError(.overStake, "")) {
      try await settlement.store.reserve(client: fixture.clientKey.address, requestID: "r2", maxCost: 900_000)
    }
    let checkpoint = try await settlement.settle()
    #expect(try await fixture.clientAccount().charged == 700_000)
    #expect(try await fixture.coordinator.lastCheckpoint(coordinator: fixture.coordinatorKey.address) == checkpoint)
    // Settling again with nothing new commits nothing and does not fail.
    #expect(try await settlement.settle() == checkpoint)
    try await settlement.store.reserve(client: fixture.clientKey.address, requestID: "r2", maxCost: 900_000)
  }

  @Test("a batching policy submits a charge only from half the stake, and checkpoints only when asked")
  func batchedByPolicy() async throws {
    let (fixture, settlement) = try await fundedAndPrepared()
    let halfStake = SettlementPolicy(chargeAtStakeBasisPoints: 5000, checkpointInterval: .zero, nodePayoutThreshold: nil)
    let client = fixture.clientKey.address
    let first = try await settlement.settle()  // the first checkpoint, before any charge

    try await settlement.store.reserve(client: client, requestID: "r1", maxCost: 450_000)
    _ = try await settlement.store.settle(requestID: "r1", usage: TokenUsage(promptTokens: 400), node: "n")
    // 0.4 of the stake pending: not due; no checkpoint asked for.
    #expect(try await settlement.settle(policy: halfStake, commitCheckpoint: false) == first)
    #expect(try await fixture.clientAccount().charged == 0)

    try await settlement.store.reserve(client: client, requestID: "r2", maxCost: 150_000)
    _ = try await settlement.store.settle(requestID: "r2", usage: TokenUsage(promptTokens: 100), node: "n")
    // 0.5 of the stake pending: due, submitted; the checkpoint, asked for now, covers it.
    let second = try #require(try await settlement.settle(policy: halfStake, commitCheckpoint: true))
    #expect(try await fixture.clientAccount().charged == 500_000)
    #expect(second.sequence > first?.sequence ?? 0)
    #expect(try await fixture.coordinator.lastCheckpoint(coordinator: fixture.coordinatorKey.address) == second)
  }

  @Test("an empty database commits no checkpoint: the TON contracts take only sequences above their initial 0")
  func emptyDatabaseCommitsNoCheckpoint() async throws {
    let fixture = try await LedgerFixture()
    let settlement = CoordinatorSettlement(store: try makeStore(fixture), network: fixture.coordinator)
    try await settlement.prepare(endpoint: "127.0.0.1:9301")
    #expect(try await settlement.store.checkpoint().sequence == 0)
    #expect(try await settlement.settle() == nil)
    #expect(try await fixture.coordinator.lastCheckpoint(coordinator: fixture.coordinatorKey.address) == nil)
  }

  @Test("policy thresholds: a charge is due from its share of the stake, a payout from its amount")
  func policyThresholds() {
    let policy = SettlementPolicy(
      chargeAtStakeBasisPoints: 5000, checkpointInterval: .seconds(600), nodePayoutThreshold: NanoAmount(1_000))
    #expect(!policy.chargeIsDue(pending: 499, stake: 1_000))
    #expect(policy.chargeIsDue(pending: 500, stake: 1_000))
    #expect(!policy.chargeIsDue(pending: 0, stake: 0))
    #expect(policy.chargeIsDue(pending: NanoAmount(UInt64.max), stake: NanoAmount(UInt64.max)))
    #expect(!policy.chargeIsDue(pending: NanoAmount(UInt64.max / 2), stake: NanoAmount(UInt64.max)))
    #expect(SettlementPolicy.immediate.chargeIsDue(pending: 1, stake: 1_000_000))
    #expect(!policy.payoutIsDue(vouched: 1_999, paid: 1_000))
    #expect(policy.payoutIsDue(vouched: 2_000, paid: 1_000))
    #expect(!policy.payoutIsDue(vouched: 500, paid: 1_000))
    #expect(!SettlementPolicy.immediate.payoutIsDue(vouched: 1_000_000, paid: 0))
  }

  @Test("a rolled-back coordinator database refuses to start, and nothing moves on the ledger")
  func rolledBack() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(3_000_000, stake: 1_000_000)
    let store = try makeStore(fixture)
    let settlement = CoordinatorSettlement(store: store, network: fixture.coordinator)
    try await settlement.prepare(endpoint: "127.0.0.1:9301")
    try await settlement.refresh(client: fixture.clientKey.address)
    let backup = fixture.directory + "/backup.sqlite"
    try store.pool.backup(to: try SQLiteFiles.openPool(at: backup))
    try await store.reserve(client: fixture.clientKey.address, requestID: "r1", maxCost: 900_000)
    let served = try await store.settle(requestID: "r1", usage: TokenUsage(promptTokens: 700), node: "n")
    try await settlement.settle()
    let before = try await fixture.snapshot()

    let restored = CoordinatorSettlement(store: try makeStore(fixture, path: backup), network: fixture.coordinator)
    let error = await #expect(throws: CocoonError.self) { try await restored.prepare(endpoint: "127.0.0.1:9301") }
    #expect(error?.code == .rolledBack)
    #expect(error?.reason.contains("rolled back") == true)
    await #expect(throws: CocoonError(.rolledBack, "")) {
      try await restored.verifyReconnecting(presented: [served.clientVoucher])
    }
    await #expect(throws: CocoonError(.rolledBack, "")) { try await restored.refresh(client: fixture.clientKey.address) }
    #expect(try await fixture.snapshot() == before)
  }
}
