import CocoonPaymentLocal
import CocoonTestSupport
import Foundation
import Testing

@Suite("Opening one ledger file from several processes at once")
struct LedgerSetupTests {
  @Test("roles opening a new ledger at the same moment all start, on one network ID")
  func concurrentFirstOpen() async throws {
    for round in 0..<20 {
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-setup-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let path = directory.appendingPathComponent("ledger.sqlite").path
      // Threads with their own connections, as three role processes opening the file on their first start.
      let networks = try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<4 {
          group.addTask { try await offCooperativePool { try LocalLedger(path: path, registrySeed: seed).networkID } }
        }
        return try await group.reduce(into: Set<String>()) { $0.insert($1) }
      }
      #expect(networks.count == 1, "round \(round): \(networks)")
    }
  }
}
