import CocoonAccounting
import CocoonCoordinator
import CocoonCore
import CocoonPaymentLocal
import Foundation
import ServiceLifecycleTestKit
import Testing

/// A ledger whose reads of checkpoints never answer and ignore cancellation (a TON Center that accepted the
/// connection and went silent); everything else is the local ledger.
struct SilentLedger: PaymentNetwork {
  let base: LocalPaymentNetwork
  var networkID: String { base.networkID }
  var signer: (any LedgerSigner)? { base.signer }
  func registry() async throws -> RegistrySnapshot { try await base.registry() }
  func clientAccount(client: String, coordinator: String) async throws -> ClientAccount {
    try await base.clientAccount(client: client, coordinator: coordinator)
  }
  func deposit(client: String, coordinator: String, amount: NanoAmount) async throws {
    try await base.deposit(client: client, coordinator: coordinator, amount: amount)
  }
  func increaseStake(client: String, coordinator: String, amount: NanoAmount) async throws {
    try await base.increaseStake(client: client, coordinator: coordinator, amount: amount)
  }
  func withdraw(client: String, coordinator: String, amount: NanoAmount) async throws {
    try await base.withdraw(client: client, coordinator: coordinator, amount: amount)
  }
  func close(client: String, coordinator: String) async throws { try await base.close(client: client, coordinator: coordinator) }
  func submit(_ voucher: PaymentVoucher) async throws { try await base.submit(voucher) }
  func nodeEarnings(node: String, coordinator: String) async throws -> NanoAmount {
    try await base.nodeEarnings(node: node, coordinator: coordinator)
  }
  func commit(_ checkpoint: Checkpoint, coordinator: String) async throws {
    try await base.commit(checkpoint, coordinator: coordinator)
  }
  func lastCheckpoint(coordinator: String) async throws -> Checkpoint? {
    while true { try? await Task.sleep(for: .seconds(3600)) }
  }
}

@Suite("The coordinator's settlement on shutdown")
struct SettlementShutdownTests {
  @Test("a ledger that never answers holds the coordinator's shutdown for the limit only", .timeLimit(.minutes(1)))
  func boundedByTheLimit() async throws {
    let network = try PaidNetwork()
    let store = try AccountingStore(
      path: network.directory + "/coordinator.sqlite", network: network.ledger.networkID,
      signer: network.coordinatorKey, prices: PaidNetwork.registry.prices)
    let accounting = CoordinatorAccounting(
      store: store, network: SilentLedger(base: network.coordinator), logger: NetworkHarness.logger)
    let service = LedgerSettlementService(
      accounting: accounting, interval: .seconds(3600), shutdownLimit: .milliseconds(300), logger: NetworkHarness.logger)
    let clock = ContinuousClock()
    var stopped: ContinuousClock.Duration?
    try await testGracefulShutdown { trigger in
      let running = Task { try await service.run() }
      try await Task.sleep(for: .milliseconds(50))
      let start = clock.now
      trigger.triggerGracefulShutdown()
      try await running.value
      stopped = clock.now - start
    }
    // A hang bound, not a speed figure: without the limit `run` never returns and the test's time limit fails it.
    let elapsed = try #require(stopped)
    #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(30), "stopped after \(elapsed)")
  }
}
