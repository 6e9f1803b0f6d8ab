import CocoonAccounting
import CocoonCore
import CocoonTestSupport
import Foundation
import Testing

@Suite("Vouchers: signed, bound, monotonic; the wallet refuses attacks and keeps the latest")
struct VoucherTests {
  let coordinator = Ed25519LedgerKey()

  func voucher(sequence: UInt64, amount: NanoAmount, network: String = testNetwork, by key: Ed25519LedgerKey? = nil)
    throws -> PaymentVoucher
  {
    try PaymentVoucher(
      kind: .clientCharge, network: network, coordinator: coordinator.address, counterparty: "client-a",
      sequence: sequence, amount: amount
    ).signed(by: key ?? coordinator)
  }

  var expectation: VoucherVerifier.Expectation {
    VoucherVerifier.Expectation(
      network: testNetwork, coordinator: coordinator.address, coordinatorKey: coordinator.publicKey,
      counterparty: "client-a")
  }

  @Test("a wallet accepts increasing vouchers and keeps the latest across reopening")
  func keepsLatest() async throws {
    let path = try temporaryDirectory() + "/wallet.json"
    let wallet = try VoucherWallet(path: path)
    try await wallet.accept(try voucher(sequence: 1, amount: 100), expected: expectation)
    try await wallet.accept(try voucher(sequence: 2, amount: 250), expected: expectation)
    let reopened = try VoucherWallet(path: path)
    #expect(await reopened.latest(from: coordinator.address, kind: .clientCharge)?.amount == 250)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }

  @Test("attacks are refused with a reason, and the wallet keeps the last good voucher")
  func attacks() async throws {
    let wallet = try VoucherWallet(path: try temporaryDirectory() + "/wallet.json")
    let first = try voucher(sequence: 5, amount: 500)
    try await wallet.accept(first, expected: expectation)
    let cases: [(PaymentVoucher, CocoonError.Code, String)] = [
      (first, .voucherReplayed, "replay"),
      (try voucher(sequence: 6, amount: 499), .voucherAmountDecreased, "below"),
      (try voucher(sequence: 6, amount: 900, by: Ed25519LedgerKey()), .badSignature, "signature"),
      (try voucher(sequence: 6, amount: 900, network: "ton:-239"), .wrongBinding, "network"),
    ]
    for (attack, code, words) in cases {
      let error = await #expect(throws: CocoonError.self) { try await wallet.accept(attack, expected: expectation) }
      #expect(error?.code == code)
      #expect(error?.reason.contains(words) == true, "\(error?.reason ?? "")")
    }
    var tampered = try voucher(sequence: 7, amount: 700)
    tampered.amount = 7_000_000
    await #expect(throws: CocoonError(.badSignature, "")) { try await wallet.accept(tampered, expected: expectation) }
    #expect(await wallet.latest(from: coordinator.address, kind: .clientCharge) == first)
  }

  @Test("the signed bytes are the documented layout: tag, length-prefixed texts, big-endian integers")
  func signingLayout() {
    let voucher = PaymentVoucher(
      kind: .nodeEarning, network: "n1", coordinator: "c", counterparty: "xy", sequence: 258, amount: 65_536)
    var expected = Array("cocoon-voucher-v1".utf8)
    expected += [0, 0, 0, 12] + Array("node-earning".utf8)
    expected += [0, 0, 0, 2] + Array("n1".utf8) + [0, 0, 0, 1] + Array("c".utf8) + [0, 0, 0, 2] + Array("xy".utf8)
    expected += [0, 0, 0, 0, 0, 0, 1, 2] + [0, 0, 0, 0, 0, 1, 0, 0]
    #expect(Array(voucher.signingBytes) == expected)
  }

  @Test("a ledger key is created with mode 0600 and loads back the same")
  func keyFile() throws {
    let path = try temporaryDirectory() + "/keys/client.ed25519"
    let created = try Ed25519LedgerKey.loadOrCreate(at: path)
    let loaded = try Ed25519LedgerKey.loadOrCreate(at: path)
    #expect(created.address == loaded.address)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    chmod(path, 0o644)
    #expect(throws: CocoonError(.io, "")) { try Ed25519LedgerKey.loadOrCreate(at: path) }
  }

  @Test("processes creating the same ledger key at once all end up with one key: the file that landed first")
  func keyCreatedConcurrently() async throws {
    for round in 0..<20 {
      let path = try temporaryDirectory() + "/keys/client.ed25519"
      // Threads, not tasks: each creation really runs at the same moment, like a daemon and its command.
      let addresses = try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<6 {
          group.addTask { try await offCooperativePool { try Ed25519LedgerKey.loadOrCreate(at: path).address } }
        }
        return try await group.reduce(into: Set<String>()) { $0.insert($1) }
      }
      #expect(addresses.count == 1, "round \(round): \(addresses.count) different keys were handed out")
      #expect(addresses.first == (try Ed25519LedgerKey.loadOrCreate(at: path)).address)
    }
  }
}
