public import CocoonCore
public import Foundation

extension PaymentVoucher {
  /// This voucher with `signer`'s signature over ``signingBytes``.
  public func signed(by signer: any LedgerSigner) throws -> PaymentVoucher {
    var copy = self
    copy.signature = try signer.sign(signingBytes)
    return copy
  }

  /// This voucher with `signer`'s signature over `signingBytes` (a ledger's ``PaymentNetwork/voucherSigningBytes(_:)``).
  public func signed(by signer: any LedgerSigner, signingBytes: Data) throws -> PaymentVoucher {
    var copy = self
    copy.signature = try signer.sign(signingBytes)
    return copy
  }
}

/// Checks vouchers the way a client, a node and the ledger must: the coordinator's signature, the binding to the
/// network, coordinator and counterparty, and monotonicity against the last voucher accepted.
public enum VoucherVerifier {
  /// What a voucher must be bound to.
  public struct Expectation: Sendable {
    public var network: String
    public var coordinator: String
    /// The coordinator's Ed25519 public key, as the ledger lists it.
    public var coordinatorKey: Data
    /// The client or node the voucher must be for; nil accepts any.
    public var counterparty: String?
    /// The kinds accepted.
    public var kinds: Set<PaymentVoucher.Kind>
    /// The bytes the coordinator signed for a voucher on this ledger (``PaymentNetwork/voucherSigningBytes(_:)``).
    public var signingBytes: @Sendable (PaymentVoucher) throws -> Data

    public init(
      network: String, coordinator: String, coordinatorKey: Data, counterparty: String? = nil,
      kinds: Set<PaymentVoucher.Kind> = [.clientCharge, .nodeEarning, .finalCharge],
      signingBytes: @escaping @Sendable (PaymentVoucher) throws -> Data = { $0.signingBytes }
    ) {
      self.signingBytes = signingBytes
      self.network = network
      self.coordinator = coordinator
      self.coordinatorKey = coordinatorKey
      self.counterparty = counterparty
      self.kinds = kinds
    }
  }

  /// Verifies `voucher` against `expected` and, when given, the previous voucher of the same account.
  /// - Throws: ``CocoonError`` with code `wrongBinding`, `badSignature`, `voucherReplayed` or
  ///   `voucherAmountDecreased`, the reason naming what differs.
  public static func verify(_ voucher: PaymentVoucher, _ expected: Expectation, after previous: PaymentVoucher?) throws {
    try verify(voucher, expected, after: previous, signingBytes: try expected.signingBytes(voucher))
  }

  /// Verifies `voucher` as above, its signature over `signingBytes` (a ledger's
  /// ``PaymentNetwork/voucherSigningBytes(_:)``) rather than ``PaymentVoucher/signingBytes``.
  public static func verify(
    _ voucher: PaymentVoucher, _ expected: Expectation, after previous: PaymentVoucher?, signingBytes: Data
  ) throws {
    guard voucher.network == expected.network else {
      throw CocoonError(
        .wrongBinding, "voucher is for network '\(voucher.network)'; this ledger is '\(expected.network)'")
    }
    guard voucher.coordinator == expected.coordinator else {
      throw CocoonError(
        .wrongBinding, "voucher is from coordinator \(voucher.coordinator); expected \(expected.coordinator)")
    }
    if let counterparty = expected.counterparty, voucher.counterparty != counterparty {
      throw CocoonError(.wrongBinding, "voucher is for \(voucher.counterparty); expected \(counterparty)")
    }
    guard expected.kinds.contains(voucher.kind) else {
      let accepted = expected.kinds.map(\.rawValue).sorted().joined(separator: ", ")
      throw CocoonError(.wrongBinding, "voucher kind '\(voucher.kind.rawValue)' is not accepted here; accepted: \(accepted)")
    }
    guard
      Ed25519LedgerKey.isValid(
        signature: voucher.signature, of: signingBytes, publicKey: expected.coordinatorKey)
    else {
      throw CocoonError(.badSignature, "voucher signature does not verify under coordinator \(expected.coordinator)'s key")
    }
    guard let previous else { return }
    guard voucher.sequence > previous.sequence else {
      throw CocoonError(
        .voucherReplayed,
        "voucher sequence \(voucher.sequence) is not above the last accepted sequence \(previous.sequence) (replay)")
    }
    guard voucher.amount >= previous.amount else {
      throw CocoonError(
        .voucherAmountDecreased,
        "voucher amount \(voucher.amount) is below the last accepted cumulative amount \(previous.amount)")
    }
  }
}
