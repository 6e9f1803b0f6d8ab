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

  @Test("settling submits vouched charges, frees the stake and commits a checkpoint")
  func settles() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(3_000_000, stake: 1_000_000)
    let settlement = CoordinatorSettlement(store: try makeStore(fixture), network: fixture.coordinator)
    try await settlement.prepare(endpoint: "127.0.0.1:9301")
    try await settlement.refresh(client: fixture.clientKey.address)
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
