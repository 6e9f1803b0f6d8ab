public import CocoonCore
import Foundation

/// The start-up check that keeps a rolled-back coordinator database from serving: it compares the database with
/// the coordinator's last checkpoint on the ledger and with the latest vouchers that reconnecting clients and
/// nodes present.
public enum RollbackCheck {
  /// Verifies the store is not behind.
  ///
  /// - The database's state chain must have reached the checkpoint's sequence, and its hash at that sequence
  ///   must equal the checkpoint's (a restored backup is behind; a different history is a fork).
  /// - Each presented voucher that verifies under this coordinator's key must not be ahead of the database (a
  ///   higher sequence or amount than the database's for that client or node). Vouchers that do not verify are
  ///   ignored here: they prove nothing.
  /// - Throws: ``CocoonError`` `rolledBack` with a reason naming what is ahead.
  public static func verify(
    _ store: AccountingStore, lastCheckpoint: Checkpoint?, presented: [PaymentVoucher] = []
  ) async throws {
    if let checkpoint = lastCheckpoint {
      let head = try await store.head()
      guard head.sequence >= checkpoint.sequence else {
        throw CocoonError(
          .rolledBack,
          "accounting database is at state \(head.sequence) but the ledger's checkpoint is at \(checkpoint.sequence): "
            + "the database was rolled back; restore the latest copy, do not serve from this one")
      }
      guard try await store.loggedHash(at: checkpoint.sequence) == checkpoint.stateHash else {
        throw CocoonError(
          .rolledBack,
          "accounting database's state \(checkpoint.sequence) differs from the ledger's checkpoint: the database "
            + "is not the one that was checkpointed; do not serve from it")
      }
    }
    let expectation = VoucherVerifier.Expectation(
      network: store.network, coordinator: store.coordinator, coordinatorKey: store.signer.publicKey,
      signingBytes: store.voucherSigningBytes)
    for voucher in presented {
      guard (try? VoucherVerifier.verify(voucher, expectation, after: nil)) != nil else { continue }
      let known: (sequence: UInt64, amount: NanoAmount)
      switch voucher.kind {
      case .clientCharge, .finalCharge:
        let state = try await store.clientState(voucher.counterparty)
        known = (state?.voucherSequence ?? 0, state?.charged ?? .zero)
      case .nodeEarning:
        let state = try await store.nodeState(voucher.counterparty)
        known = (state?.voucherSequence ?? 0, state?.earned ?? .zero)
      }
      guard voucher.sequence <= known.sequence, voucher.amount <= known.amount else {
        throw CocoonError(
          .rolledBack,
          "\(voucher.counterparty) presented voucher \(voucher.sequence) for \(voucher.amount) but this database is at "
            + "voucher \(known.sequence) for \(known.amount): the database was rolled back; do not serve from it")
      }
    }
  }
}
