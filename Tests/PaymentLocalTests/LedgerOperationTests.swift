import CocoonAccounting
import CocoonCore
import CocoonPaymentLocal
import Foundation
import Testing

@Suite("Local ledger: client contract operations")
struct LedgerOperationTests {
  @Test("deposit, stake, withdraw down to the stake, and no further")
  func withdrawBelowStake() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(5_000_000, stake: 2_000_000)
    let client = fixture.clientKey.address
    let coordinator = fixture.coordinatorKey.address
    try await fixture.client.withdraw(client: client, coordinator: coordinator, amount: 1_000_000)
    #expect(try await fixture.clientAccount().balance == 4_000_000)
    let before = try await fixture.snapshot()
    let error = await #expect(throws: CocoonError.self) {
      try await fixture.client.withdraw(client: client, coordinator: coordinator, amount: 2_000_001)
    }
    #expect(error?.code == .insufficientFunds)
    #expect(error?.reason.contains("below the stake") == true)
    #expect(try await fixture.snapshot() == before)
    try await fixture.client.withdraw(client: client, coordinator: coordinator, amount: 2_000_000)
    #expect(try await fixture.ledger.walletBalance(address: client) == 3_000_000)
  }

  @Test("close returns the part above the stake now and the stake after the close delay")
  func closeWithDelay() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(5_000_000, stake: 2_000_000)
    let client = fixture.clientKey.address
    let coordinator = fixture.coordinatorKey.address
    try await fixture.client.close(client: client, coordinator: coordinator)
    #expect(try await fixture.ledger.walletBalance(address: client) == 3_000_000)
    await #expect(throws: CocoonError(.paymentRefused, "")) {
      try await fixture.client.close(client: client, coordinator: coordinator)
    }
    // The coordinator settles its last charge within the delay.
    try await fixture.ledger.submit(try fixture.charge(500_000, sequence: 1))
    fixture.clock.advance(seconds: 61)
    try await fixture.client.close(client: client, coordinator: coordinator)
    #expect(try await fixture.ledger.walletBalance(address: client) == 4_500_000)
    #expect(try await fixture.clientAccount().closed)
  }

  @Test("close then spend: once closed, vouchers, deposits and withdrawals are refused and nothing moves")
  func closeThenSpend() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(5_000_000, stake: 2_000_000)
    let client = fixture.clientKey.address
    let coordinator = fixture.coordinatorKey.address
    let final = try fixture.charge(700_000, sequence: 1, kind: .finalCharge)
    try await fixture.client.close(client: client, coordinator: coordinator, finalCharge: final)
    #expect(try await fixture.ledger.walletBalance(address: client) == 4_300_000)
    let before = try await fixture.snapshot()
    for attempt in [
      { try await fixture.ledger.submit(try fixture.charge(900_000, sequence: 2)) },
      { try await fixture.client.deposit(client: client, coordinator: coordinator, amount: 1) },
      { try await fixture.client.withdraw(client: client, coordinator: coordinator, amount: 1) },
    ] as [() async throws -> Void] {
      let error = await #expect(throws: CocoonError.self) { try await attempt() }
      #expect(error?.code == .accountClosed)
    }
    #expect(try await fixture.snapshot() == before)
  }

  @Test("a party cannot act for another, and signed operations cannot be replayed or moved to another ledger")
  func operationAuthentication() async throws {
    let fixture = try await LedgerFixture()
    try await fixture.fund(5_000_000, stake: 2_000_000)
    let client = fixture.clientKey.address
    let coordinator = fixture.coordinatorKey.address
    await #expect(throws: CocoonError(.badSignature, "")) {
      try await fixture.node.withdraw(client: client, coordinator: coordinator, amount: 1)
    }
    let nonce = try await fixture.ledger.nonce(of: client)
    let withdraw = try LedgerOperation(
      name: .withdraw, network: fixture.ledger.networkID, actor: client, coordinator: coordinator, amount: 1,
      nonce: nonce + 1
    ).signed(by: fixture.clientKey)
    try await fixture.ledger.apply(withdraw)
    await #expect(throws: CocoonError(.operationReplayed, "")) { try await fixture.ledger.apply(withdraw) }
    var forged = withdraw
    forged.nonce += 1
    forged.amount = 1_000_000
    await #expect(throws: CocoonError(.badSignature, "")) { try await fixture.ledger.apply(forged) }
    let elsewhere = try LedgerOperation(
      name: .withdraw, network: "local:other", actor: client, coordinator: coordinator, amount: 1, nonce: nonce + 5
    ).signed(by: fixture.clientKey)
    await #expect(throws: CocoonError(.wrongBinding, "")) { try await fixture.ledger.apply(elsewhere) }
    #expect(try await fixture.ledger.walletBalance(address: client) == 1)
  }

  @Test("the registry is seeded from config and lists registered coordinators")
  func registry() async throws {
    let fixture = try await LedgerFixture()
    let registry = try await fixture.client.registry()
    #expect(registry.prices == seed.prices)
    #expect(registry.coordinators.map(\.address) == [fixture.coordinatorKey.address])
    #expect(registry.coordinators.first?.publicKey == fixture.coordinatorKey.publicKey)
  }
}
