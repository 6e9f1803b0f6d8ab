import CocoonAccounting
import CocoonCore
import Foundation
import GRDB
import Testing

@Suite("Rollback detection: a database behind its checkpoint or its peers refuses to serve")
struct RollbackCheckTests {
  let coordinator = Ed25519LedgerKey()

  /// A store that served `count` requests, and a copy of its file taken after `backupAfter` of them.
  func servedStore(count: Int, backupAfter: Int) async throws -> (AccountingStore, String, [Settlement]) {
    let directory = try temporaryDirectory()
    let store = try await makeStore(directory: directory, coordinator: coordinator)
    var settlements: [Settlement] = []
    let backup = directory + "/backup.sqlite"
    for index in 0..<count {
      if index == backupAfter { try store.pool.backup(to: try SQLiteFiles.openPool(at: backup)) }
      try await store.reserve(client: "client-a", requestID: "r\(index)", maxCost: 100_000)
      settlements.append(try await store.settle(requestID: "r\(index)", usage: TokenUsage(promptTokens: 10), node: "n"))
    }
    return (store, backup, settlements)
  }

  @Test("an up-to-date database passes")
  func passes() async throws {
    let (store, _, settlements) = try await servedStore(count: 3, backupAfter: 3)
    let checkpoint = try await store.checkpoint()
    try await RollbackCheck.verify(
      store, lastCheckpoint: checkpoint,
      presented: [settlements[2].clientVoucher, settlements[2].nodeVoucher, settlements[0].clientVoucher])
  }

  @Test("a database restored from before the last checkpoint is refused")
  func behindCheckpoint() async throws {
    let (store, backup, _) = try await servedStore(count: 3, backupAfter: 1)
    let checkpoint = try await store.checkpoint()
    let restored = try AccountingStore(path: backup, network: testNetwork, signer: coordinator, prices: testPrices)
    let error = await #expect(throws: CocoonError.self) {
      try await RollbackCheck.verify(restored, lastCheckpoint: checkpoint)
    }
    #expect(error?.code == .rolledBack)
    #expect(error?.reason.contains("rolled back") == true)
  }

  @Test("a database with another history at the checkpoint's sequence is refused")
  func forked() async throws {
    let (store, backup, _) = try await servedStore(count: 2, backupAfter: 1)
    let checkpoint = try await store.checkpoint()
    let restored = try AccountingStore(path: backup, network: testNetwork, signer: coordinator, prices: testPrices)
    try await restored.reserve(client: "client-a", requestID: "other", maxCost: 100_000)
    _ = try await restored.settle(requestID: "other", usage: TokenUsage(promptTokens: 99), node: "n")
    #expect(try await restored.head().sequence == checkpoint.sequence)
    await #expect(throws: CocoonError(.rolledBack, "")) {
      try await RollbackCheck.verify(restored, lastCheckpoint: checkpoint)
    }
  }

  @Test("a reconnecting client's newer voucher exposes a rolled-back database; forged ones are ignored")
  func presentedVoucher() async throws {
    let (_, backup, settlements) = try await servedStore(count: 3, backupAfter: 1)
    let restored = try AccountingStore(path: backup, network: testNetwork, signer: coordinator, prices: testPrices)
    var forged = settlements[2].clientVoucher
    forged.signature = try Ed25519LedgerKey().sign(forged.signingBytes)
    try await RollbackCheck.verify(restored, lastCheckpoint: nil, presented: [forged])
    let error = await #expect(throws: CocoonError.self) {
      try await RollbackCheck.verify(restored, lastCheckpoint: nil, presented: [settlements[2].nodeVoucher])
    }
    #expect(error?.code == .rolledBack)
  }

  @Test("the ledger holding more charges than the database is a rollback")
  func ledgerAhead() async throws {
    let (_, backup, settlements) = try await servedStore(count: 3, backupAfter: 1)
    let restored = try AccountingStore(path: backup, network: testNetwork, signer: coordinator, prices: testPrices)
    await #expect(throws: CocoonError(.rolledBack, "")) {
      try await restored.syncClient(
        "client-a",
        ledger: ClientAccount(balance: 1_000_000, stake: 1_000_000, charged: settlements[2].clientVoucher.amount))
    }
  }
}
