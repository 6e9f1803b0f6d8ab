import CocoonAccounting
import CocoonCore
import CocoonPaymentConformance
import CocoonPaymentLocal
import Testing

@Suite("The local ledger passes the PaymentNetwork conformance suite")
struct ConformanceTests {
  @Test("every conformance check passes")
  func conformance() async throws {
    let fixture = try await LedgerFixture(registerCoordinator: false)
    let passed = try await PaymentNetworkConformance.run(
      .init(coordinator: fixture.coordinator, client: fixture.client, node: fixture.node), forger: Ed25519LedgerKey())
    #expect(passed.count == 14, "\(passed)")
  }
}
