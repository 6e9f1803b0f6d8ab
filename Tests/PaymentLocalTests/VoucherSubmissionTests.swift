import CocoonAccounting
import CocoonCore
import CocoonPaymentLocal
import Foundation
import Testing

@Suite("Local ledger: vouchers, payouts, checkpoints and the coordinator's close")
struct VoucherSubmissionTests {
  @Test("attacks on voucher submission are refused with a clear reason and move nothing")
  func attacks() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(5_000_000, stake: 2_000_000)
    let first = try fixture.charge(300_000, sequence: 3)
    try await fixture.ledger.submit(first)
    let before = try await fixture.snapshot()
    let attacks: [(String, PaymentVoucher, CocoonError.Code)] = [
      ("replayed voucher", first, .voucherReplayed),
      ("lower amount", try fixture.charge(200_000, sequence: 4), .voucherAmountDecreased),
      ("another key", try fixture.charge(900_000, sequence: 4, by: Ed25519LedgerKey()), .badSignature),
      ("another network", try fixture.charge(900_000, sequence: 4, network: "local:elsewhere"), .wrongBinding),
      ("more than the balance", try fixture.charge(5_300_001, sequence: 4), .insufficientFunds),
      ("final charge without a close", try fixture.charge(900_000, sequence: 4, kind: .finalCharge), .wrongBinding),
    ]
    for (name, voucher, code) in attacks {
      let error = await #expect(throws: CocoonError.self, "\(name)") { try await fixture.ledger.submit(voucher) }
      #expect(error?.code == code, "\(name): \(error?.reason ?? "")")
    }
    #expect(try await fixture.snapshot() == before)
  }

  @Test("a node is paid by voucher out of the coordinator's received charges, once")
  func payout() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(5_000_000, stake: 2_000_000)
    let earning = try fixture.charge(80_000, sequence: 1, kind: .nodeEarning)
    await #expect(throws: CocoonError(.insufficientFunds, "")) { try await fixture.ledger.submit(earning) }
    try await fixture.ledger.submit(try fixture.charge(100_000, sequence: 1))
    try await fixture.node.submit(earning)
    await #expect(throws: CocoonError(.voucherReplayed, "")) { try await fixture.ledger.submit(earning) }
    #expect(try await fixture.ledger.walletBalance(address: fixture.nodeKey.address) == 80_000)
    #expect(
      try await fixture.node.nodeEarnings(node: fixture.nodeKey.address, coordinator: fixture.coordinatorKey.address)
        == 80_000)
  }

  @Test("checkpoints must be signed by the coordinator and increase")
  func checkpoints() async throws {
    let fixture = try await LedgerFixture()
    let coordinator = fixture.coordinatorKey.address
    var checkpoint = Checkpoint(sequence: 5, stateHash: Data(repeating: 7, count: 32), signature: Data())
    checkpoint.signature = try fixture.coordinatorKey.sign(
      checkpoint.signingBytes(network: fixture.ledger.networkID, coordinator: coordinator))
    try await fixture.coordinator.commit(checkpoint, coordinator: coordinator)
    #expect(try await fixture.coordinator.lastCheckpoint(coordinator: coordinator) == checkpoint)
    await #expect(throws: CocoonError(.voucherReplayed, "")) {
      try await fixture.coordinator.commit(checkpoint, coordinator: coordinator)
    }
    var forged = checkpoint
    forged.sequence = 6
    await #expect(throws: CocoonError(.badSignature, "")) {
      try await fixture.coordinator.commit(forged, coordinator: coordinator)
    }
  }

  @Test("a coordinator closes only after its clients closed and its nodes were paid")
  func coordinatorClose() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(5_000_000, stake: 2_000_000)
    let coordinator = fixture.coordinatorKey.address
    try await fixture.ledger.submit(try fixture.charge(100_000, sequence: 1))
    let earning = try fixture.charge(80_000, sequence: 1, kind: .nodeEarning)
    await #expect(throws: CocoonError(.paymentRefused, "")) {
      try await fixture.coordinator.closeCoordinator(coordinator: coordinator, vouchedNodeEarnings: 80_000)
    }
    try await fixture.client.close(
      client: fixture.clientKey.address, coordinator: coordinator,
      finalCharge: try fixture.charge(100_000, sequence: 2, kind: .finalCharge))
    let error = await #expect(throws: CocoonError.self) {
      try await fixture.coordinator.closeCoordinator(coordinator: coordinator, vouchedNodeEarnings: 80_000)
    }
    #expect(error?.reason.contains("nodes must be paid") == true)
    try await fixture.ledger.submit(earning)
    try await fixture.coordinator.closeCoordinator(coordinator: coordinator, vouchedNodeEarnings: 80_000)
    #expect(try await fixture.ledger.walletBalance(address: coordinator) == 20_000)
    #expect(try await fixture.client.registry().coordinators.isEmpty)
    await #expect(throws: CocoonError(.accountClosed, "")) {
      try await fixture.ledger.submit(try fixture.charge(90_000, sequence: 2, kind: .nodeEarning))
    }
  }

  @Test("two independent pools on one file apply concurrent operations without losing any")
  func concurrentPools() async throws {
    let fixture = try await LedgerFixture()
    let second = try LocalLedger(path: fixture.directory + "/ledger.sqlite", registrySeed: nil)
    #expect(second.networkID == fixture.ledger.networkID)
    let other = Ed25519LedgerKey()
    let coordinator = fixture.coordinatorKey.address
    let one = fixture.client
    let two = LocalPaymentNetwork(ledger: second, signer: other)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<20 {
        group.addTask { try await one.deposit(client: fixture.clientKey.address, coordinator: coordinator, amount: 10) }
        group.addTask { try await two.deposit(client: other.address, coordinator: coordinator, amount: 7) }
      }
      try await group.waitForAll()
    }
    let totals = try await second.totals()
    #expect(totals.deposited == 340 && totals.held == 340)
  }
}
