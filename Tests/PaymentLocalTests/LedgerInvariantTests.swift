import CocoonAccounting
import CocoonCore
import CocoonPaymentLocal
import Foundation
import Testing

@Suite("Property: random ledger operations keep every nano-unit accounted for")
struct LedgerInvariantTests {
  @Test("balances + locked funds = deposits after every operation, refused ones change nothing", arguments: [1, 2, 3] as [UInt64])
  func invariant(seed: UInt64) async throws {
    let fixture = try await LedgerFixture()
    var generator = SeededGenerator(seed: seed)
    let clients = (0..<3).map { _ in Ed25519LedgerKey() }
    let nodes = (0..<2).map { _ in Ed25519LedgerKey() }
    let coordinator = fixture.coordinatorKey.address
    var chargeSequence: [String: UInt64] = [:]
    var charged: [String: NanoAmount] = [:]
    var earned: [String: (UInt64, NanoAmount)] = [:]
    var applied = 0
    for _ in 0..<120 {
      let client = clients.randomElement(using: &generator)!
      let network = LocalPaymentNetwork(ledger: fixture.ledger, signer: client)
      let amount = NanoAmount(UInt64.random(in: 1...3_000_000, using: &generator))
      let before = try await fixture.snapshot()
      do {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0, 1: try await network.deposit(client: client.address, coordinator: coordinator, amount: amount)
        case 2: try await network.increaseStake(client: client.address, coordinator: coordinator, amount: amount)
        case 3: try await network.withdraw(client: client.address, coordinator: coordinator, amount: amount)
        case 4: try await network.close(client: client.address, coordinator: coordinator)
        case 5: fixture.clock.advance(seconds: Double.random(in: 0...40, using: &generator))
        case 6, 7:
          let sequence = chargeSequence[client.address, default: 0] + 1
          let total = try charged[client.address, default: .zero].adding(NanoAmount(amount.rawValue / 4))
          let voucher = try PaymentVoucher(
            kind: .clientCharge, network: fixture.ledger.networkID, coordinator: coordinator,
            counterparty: client.address, sequence: sequence, amount: total
          ).signed(by: fixture.coordinatorKey)
          try await fixture.ledger.submit(voucher)
          (chargeSequence[client.address], charged[client.address]) = (sequence, total)
        case 8:
          // A cooperative close with the coordinator's final charge (sometimes more than the client holds).
          let sequence = chargeSequence[client.address, default: 0] + 1
          let total = try charged[client.address, default: .zero].adding(NanoAmount(amount.rawValue / 2))
          let final = try PaymentVoucher(
            kind: .finalCharge, network: fixture.ledger.networkID, coordinator: coordinator,
            counterparty: client.address, sequence: sequence, amount: total
          ).signed(by: fixture.coordinatorKey)
          try await network.close(client: client.address, coordinator: coordinator, finalCharge: final)
          (chargeSequence[client.address], charged[client.address]) = (sequence, total)
        default:
          let node = nodes.randomElement(using: &generator)!
          let (sequence, total) = earned[node.address, default: (0, .zero)]
          let next = (sequence + 1, try total.adding(NanoAmount(amount.rawValue / 8)))
          let voucher = try PaymentVoucher(
            kind: .nodeEarning, network: fixture.ledger.networkID, coordinator: coordinator,
            counterparty: node.address, sequence: next.0, amount: next.1
          ).signed(by: fixture.coordinatorKey)
          try await fixture.ledger.submit(voucher)
          earned[node.address] = next
        }
        applied += 1
      } catch let error as CocoonError {
        #expect(try await fixture.snapshot() == before, "refused (\(error.reason)) but something moved")
      }
      let totals = try await fixture.ledger.totals()
      #expect(totals.held == totals.deposited, "\(totals)")
    }
    #expect(applied >= 20, "only \(applied) operations applied; the generator should mix more valid ones")
  }
}
