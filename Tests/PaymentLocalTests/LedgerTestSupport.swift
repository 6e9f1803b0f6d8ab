import CocoonAccounting
import CocoonCore
import CocoonPaymentLocal
import Foundation
import Synchronization

/// A clock tests move by hand.
final class TestClock: Sendable {
  private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
  var now: Date { current.withLock { $0 } }
  func advance(seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

let seed = RegistrySnapshot(
  allowedImageHashes: [:], models: [RegisteredModel(name: "m", weightsSHA256: String(repeating: "ab", count: 32))],
  coordinators: [], prices: Prices(pricePerToken: 1000, nodeFeePerToken: 800, cachedMultiplier: 1000),
  minimumClientStake: 1_000_000, minimumNodeStake: .zero, clientCloseDelay: 60)

/// A ledger file with a registered coordinator, and each party's view of it.
struct LedgerFixture {
  let directory: String
  let clock = TestClock()
  let ledger: LocalLedger
  let coordinatorKey = Ed25519LedgerKey()
  let clientKey = Ed25519LedgerKey()
  let nodeKey = Ed25519LedgerKey()

  init(registerCoordinator: Bool = true) async throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-ledger-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let clock = self.clock
    ledger = try LocalLedger(path: directory + "/ledger.sqlite", registrySeed: seed, now: { clock.now })
    if registerCoordinator { try await coordinator.registerCoordinator(endpoint: "127.0.0.1:9301") }
  }

  var coordinator: LocalPaymentNetwork { LocalPaymentNetwork(ledger: ledger, signer: coordinatorKey) }
  var client: LocalPaymentNetwork { LocalPaymentNetwork(ledger: ledger, signer: clientKey) }
  var node: LocalPaymentNetwork { LocalPaymentNetwork(ledger: ledger, signer: nodeKey) }

  /// The client deposits `amount` and stakes `stake` of it.
  func fund(_ amount: NanoAmount, stake: NanoAmount) async throws {
    try await client.deposit(client: clientKey.address, coordinator: coordinatorKey.address, amount: amount)
    try await client.increaseStake(client: clientKey.address, coordinator: coordinatorKey.address, amount: stake)
  }

  func clientAccount() async throws -> ClientAccount {
    try await ledger.clientAccount(client: clientKey.address, coordinator: coordinatorKey.address)
  }

  /// A client-charge voucher signed by `key` (default: the coordinator).
  func charge(
    _ amount: NanoAmount, sequence: UInt64, network: String? = nil, kind: PaymentVoucher.Kind = .clientCharge,
    by key: Ed25519LedgerKey? = nil
  ) throws -> PaymentVoucher {
    try PaymentVoucher(
      kind: kind, network: network ?? ledger.networkID, coordinator: coordinatorKey.address,
      counterparty: kind == .nodeEarning ? nodeKey.address : clientKey.address, sequence: sequence, amount: amount
    ).signed(by: key ?? coordinatorKey)
  }

  /// Everything the ledger holds, to show an operation moved nothing.
  func snapshot() async throws -> LedgerSnapshot {
    LedgerSnapshot(
      totals: try await ledger.totals(),
      coordinator: try await coordinator.coordinatorAccount(coordinator: coordinatorKey.address))
  }
}

/// Everything the ledger holds, comparable.
struct LedgerSnapshot: Equatable {
  var totals: LedgerTotals
  var coordinator: CoordinatorAccount
}
