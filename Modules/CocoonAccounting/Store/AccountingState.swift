public import CocoonCore
public import Foundation

/// A client's account as the coordinator's database holds it.
public struct ClientLedgerState: Hashable, Sendable {
  public var address: String
  /// The client's funds on the ledger as of the last sync (after the charges the ledger accepted).
  public var ledgerBalance: NanoAmount
  public var stake: NanoAmount
  /// Whether the client started closing (no new requests are admitted).
  public var closing: Bool
  /// Cumulative charge vouched to the client.
  public var charged: NanoAmount
  /// Tokens (prompt + completion) of its settled requests.
  public var tokens: Int
  /// Maximum costs of requests admitted and not yet settled or released.
  public var reserved: NanoAmount
  /// Cumulative charge the ledger has accepted from this coordinator's vouchers.
  public var submitted: NanoAmount
  public var voucherSequence: UInt64
  public var lastVoucher: PaymentVoucher?

  /// Spend the ledger has not settled yet, including reservations: must stay within the stake and balance.
  public var exposure: NanoAmount {
    NanoAmount(charged.rawValue &+ reserved.rawValue &- min(submitted.rawValue, charged.rawValue &+ reserved.rawValue))
  }
}

/// A node's account as the coordinator's database holds it.
public struct NodeLedgerState: Hashable, Sendable {
  public var address: String
  /// Cumulative earning vouched to the node.
  public var earned: NanoAmount
  /// Tokens (prompt + completion) of the requests it served.
  public var tokens: Int
  public var voucherSequence: UInt64
  public var lastVoucher: PaymentVoucher?
}

/// What a settled request cost and the vouchers that reflect it (committed before they are returned).
public struct Settlement: Hashable, Sendable {
  public var requestID: String
  /// What the client was charged (≤ the reserved maximum).
  public var cost: NanoAmount
  /// What the node earned (≤ cost); the difference is the coordinator's commission.
  public var nodeEarning: NanoAmount
  /// The client's new cumulative charge voucher.
  public var clientVoucher: PaymentVoucher
  /// The node's new cumulative earning voucher.
  public var nodeVoucher: PaymentVoucher
}

/// The head of the coordinator's state chain: every state change increments the sequence and extends the hash
/// (SHA-256 of the previous hash and the change), so a rolled-back or forked database shows at once.
public struct StateHead: Hashable, Sendable {
  public var sequence: UInt64
  public var hash: Data
}

/// One request's accounting row.
public struct RequestRecord: Hashable, Sendable {
  public enum Status: String, Sendable {
    case reserved, settled, released
  }

  public var id: String
  public var client: String
  public var node: String?
  public var status: Status
  public var maxCost: NanoAmount
  public var cost: NanoAmount
  public var nodeEarning: NanoAmount
  public var usage: TokenUsage
}

/// What a node reported for one request, to settle.
public struct UsageReport: Hashable, Sendable {
  public var requestID: String
  public var usage: TokenUsage
  public var node: String
  /// The node's price coefficient, basis points.
  public var coefficient: UInt64

  public init(requestID: String, usage: TokenUsage, node: String, coefficient: UInt64 = Prices.basisPointsPerUnit) {
    self.requestID = requestID
    self.usage = usage
    self.node = node
    self.coefficient = coefficient
  }
}
