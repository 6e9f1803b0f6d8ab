import CocoonAccounting
import CocoonCore
import Foundation

/// A fresh temporary folder.
func temporaryDirectory() throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-accounting-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

let testPrices = Prices(pricePerToken: 1000, nodeFeePerToken: 800, cachedMultiplier: 1000)
let testNetwork = "local:test"

/// A store with one client synced from a ledger account holding `balance` with `stake` locked.
func makeStore(
  directory: String, coordinator: Ed25519LedgerKey = Ed25519LedgerKey(), client: String = "client-a",
  balance: NanoAmount = 10_000_000, stake: NanoAmount = 1_000_000
) async throws -> AccountingStore {
  let store = try AccountingStore(
    path: directory + "/coordinator.sqlite", network: testNetwork, signer: coordinator, prices: testPrices)
  try await store.syncClient(client, ledger: ClientAccount(balance: balance, stake: stake, charged: .zero))
  return store
}
