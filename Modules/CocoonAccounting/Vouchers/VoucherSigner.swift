public import CocoonCore
public import Foundation

/// The coordinator's key together with what it signs for a voucher on its ledger: ``PaymentVoucher/signingBytes``
/// on the local ledger, the contracts' payload-cell hash on TON (``PaymentNetwork/voucherSigningBytes(_:)``).
public struct VoucherSigner: Sendable {
  public let key: any LedgerSigner
  public let bytes: @Sendable (PaymentVoucher) throws -> Data

  public init(key: any LedgerSigner, bytes: @escaping @Sendable (PaymentVoucher) throws -> Data = { $0.signingBytes }) {
    self.key = key
    self.bytes = bytes
  }

  /// The coordinator's ledger address.
  public var address: String { key.address }
}

extension PaymentVoucher {
  /// This voucher signed by `signer` over its ledger's signing bytes.
  public func signed(by signer: VoucherSigner) throws -> PaymentVoucher {
    try signed(by: signer.key, signingBytes: try signer.bytes(self))
  }
}
