import CocoonAccounting
import CocoonCore
import Foundation
import Testing

/// The golden file `Tools/cross-check-vouchers` wrote with PyNaCl (libsodium).
private struct Golden: Decodable {
  struct Case: Decodable {
    var kind: String
    var network: String
    var coordinator: String
    var counterparty: String
    var sequence: UInt64
    var amount: UInt64
    var signingBytesHex: String
    var signatureHex: String
  }

  var privateKeySeedHex: String
  var cases: [Case]
}

@Suite("Vouchers cross-check against PyNaCl (libsodium)")
struct VoucherCrossCheckTests {
  @Test("cross-check PyNaCl: same signing bytes, same Ed25519 signature, and ours verifies libsodium's")
  func crossCheckPyNaCl() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/payments/vouchers-pynacl.json")
    let golden = try JSONDecoder().decode(Golden.self, from: try Data(contentsOf: path))
    let key = try Ed25519LedgerKey(rawRepresentation: try #require(Data(exactHex: golden.privateKeySeedHex)))
    #expect(golden.cases.count == 3)
    for item in golden.cases {
      #expect(key.address == item.coordinator)
      let voucher = PaymentVoucher(
        kind: try #require(PaymentVoucher.Kind(rawValue: item.kind)), network: item.network,
        coordinator: item.coordinator, counterparty: item.counterparty, sequence: item.sequence,
        amount: NanoAmount(item.amount), signature: try #require(Data(exactHex: item.signatureHex)))
      #expect(voucher.signingBytes.hexString == item.signingBytesHex)
      #expect(try voucher.signed(by: key).signature.hexString == item.signatureHex)
      let expectation = VoucherVerifier.Expectation(
        network: item.network, coordinator: item.coordinator, coordinatorKey: key.publicKey)
      try VoucherVerifier.verify(voucher, expectation, after: nil)
    }
  }
}
