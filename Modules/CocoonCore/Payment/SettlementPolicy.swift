/// When the parties write to the ledger. On TON every write is a transaction with fees, so a network batches them:
/// a client's charge waits until it is worth submitting, checkpoints are spaced out, and nodes cash their earnings
/// in sums. The local ledger writes at every settlement (``immediate``).
public struct SettlementPolicy: Sendable, Hashable {
  /// A client's charge is submitted once the part the ledger has not accepted reaches this share of the client's
  /// stake, in basis points (5000 = half). 0: at every settlement. The coordinator also submits at once when a
  /// request would not fit the stake, and on shutdown.
  public var chargeAtStakeBasisPoints: UInt64
  /// The coordinator commits a checkpoint at most this often (`.zero`: at every settlement that changed something).
  public var checkpointInterval: Duration
  /// A node cashes a coordinator's earning voucher by itself once the part not paid out reaches this amount
  /// (nil: only `cocoon-node payout` cashes).
  public var nodePayoutThreshold: NanoAmount?

  public init(chargeAtStakeBasisPoints: UInt64, checkpointInterval: Duration, nodePayoutThreshold: NanoAmount?) {
    self.chargeAtStakeBasisPoints = chargeAtStakeBasisPoints
    self.checkpointInterval = checkpointInterval
    self.nodePayoutThreshold = nodePayoutThreshold
  }

  /// Every settlement submits every pending charge and commits a checkpoint; nodes cash by command only.
  public static let immediate = SettlementPolicy(
    chargeAtStakeBasisPoints: 0, checkpointInterval: .zero, nodePayoutThreshold: nil)

  /// Whether a client's `pending` (vouched, not accepted by the ledger) charge is due under this policy.
  public func chargeIsDue(pending: NanoAmount, stake: NanoAmount) -> Bool {
    guard pending.rawValue > 0 else { return false }
    let threshold = stake.rawValue.multipliedFullWidth(by: chargeAtStakeBasisPoints)
    let scaled = pending.rawValue.multipliedFullWidth(by: 10_000)
    return scaled.high > threshold.high || (scaled.high == threshold.high && scaled.low >= threshold.low)
  }

  /// Whether a node whose `vouched` earnings exceed `paid` by the threshold should cash them now.
  public func payoutIsDue(vouched: NanoAmount, paid: NanoAmount) -> Bool {
    guard let threshold = nodePayoutThreshold, vouched > paid else { return false }
    return vouched.rawValue - paid.rawValue >= threshold.rawValue
  }
}
