public import CocoonCore

extension CocoonError.Code {
  /// A voucher's sequence is not above the last one seen: a replay.
  public static let voucherReplayed = Self("payment.voucherReplayed")
  /// A voucher's cumulative amount is below the last one seen.
  public static let voucherAmountDecreased = Self("payment.voucherAmountDecreased")
  /// A voucher or ledger operation is not signed by the key it must be signed by.
  public static let badSignature = Self("payment.badSignature")
  /// A voucher or checkpoint names another network, coordinator or counterparty.
  public static let wrongBinding = Self("payment.wrongBinding")
  /// A withdrawal or charge would take an account below what it must keep.
  public static let insufficientFunds = Self("payment.insufficientFunds")
  /// The account is closing or closed and accepts no more of this operation.
  public static let accountClosed = Self("payment.accountClosed")
  /// A request would take the client's unsettled spend above its stake or balance.
  public static let overStake = Self("payment.overStake")
  /// The coordinator's database is behind the ledger or its peers: it must not serve.
  public static let rolledBack = Self("payment.rolledBack")
  /// A request ID is unknown, or already reserved or finished.
  public static let requestState = Self("payment.requestState")
}
