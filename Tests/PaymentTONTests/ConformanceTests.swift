import CocoonAccounting
import CocoonCore
import CocoonPaymentConformance
import CocoonPaymentTON
import Testing

@Suite(
  "The TON plugin passes the PaymentNetwork conformance suite on the sandbox",
  .enabled(if: SandboxFixture.available, SandboxFixture.skipReason))
struct ConformanceTests {
  @Test("every conformance check passes against the contracts on an in-process sandbox")
  func conformance() async throws {
    try await SandboxFixture.with { sandbox in
      let coordinator = try await sandbox.network(.coordinator)
      let client = try await sandbox.network(.client)
      let node = try await sandbox.network(.node)
      let passed = try await PaymentNetworkConformance.run(
        .init(coordinator: coordinator, client: client, node: node), forger: Ed25519LedgerKey())
      #expect(passed.count == 14, "\(passed)")
    }
  }
}
