public import Foundation

/// A coordinator's signed statement of a cumulative amount: "client X has been charged N as of sequence S" or
/// "node Y has earned N as of S". Vouchers are monotonic; only the latest one matters.
public struct PaymentVoucher: Hashable, Sendable, Codable {
  /// Whose account the voucher settles.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// The client's cumulative charge.
    case clientCharge = "client-charge"
    /// The node's cumulative earning.
    case nodeEarning = "node-earning"
    /// The client's final cumulative charge, co-signed for a cooperative close: the account may close at once.
    case finalCharge = "final-charge"
  }

  public var kind: Kind
  /// The ledger's network identifier (e.g. `local:…`, `ton:-239`), so a voucher cannot be replayed elsewhere.
  public var network: String
  /// The coordinator's ledger address.
  public var coordinator: String
  /// The client's or node's ledger address.
  public var counterparty: String
  /// Strictly increasing per (coordinator, counterparty).
  public var sequence: UInt64
  /// The cumulative amount.
  public var amount: NanoAmount
  /// Ed25519 signature by the coordinator's key over ``signingBytes``.
  public var signature: Data

  public init(
    kind: Kind, network: String, coordinator: String, counterparty: String, sequence: UInt64, amount: NanoAmount,
    signature: Data = Data()
  ) {
    self.kind = kind
    self.network = network
    self.coordinator = coordinator
    self.counterparty = counterparty
    self.sequence = sequence
    self.amount = amount
    self.signature = signature
  }

  /// The canonical bytes the coordinator signs: a domain tag, then each field length-prefixed, integers big-endian.
  public var signingBytes: Data {
    var out = Data("cocoon-voucher-v1".utf8)
    for text in [kind.rawValue, network, coordinator, counterparty] { SigningEncoding.append(text, to: &out) }
    SigningEncoding.append(sequence, to: &out)
    SigningEncoding.append(amount.rawValue, to: &out)
    return out
  }
}

/// Length-prefixed canonical encoding shared by the signed payment messages.
enum SigningEncoding {
  static func append(_ text: String, to out: inout Data) {
    let bytes = Data(text.utf8)
    out.append(contentsOf: withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init))
    out.append(bytes)
  }

  static func append(_ value: UInt64, to out: inout Data) {
    out.append(contentsOf: withUnsafeBytes(of: value.bigEndian, Array.init))
  }
}
