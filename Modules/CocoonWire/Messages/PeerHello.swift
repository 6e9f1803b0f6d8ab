public import CocoonCore
public import Foundation

/// What a peer says about itself in the first message of a connection. The protocol version is negotiated by
/// ``WireSession`` itself.
public struct PeerHello: Sendable, Hashable {
  /// The role the peer claims; nil when it named none or one this build does not know. The accepting side checks
  /// it against the role the peer attested as.
  public var role: Role?
  /// What a node offers and how it is paid (set by nodes).
  public var node: NodeHello?
  /// Who pays for a client's requests (set by clients).
  public var client: ClientHello?

  public init(role: Role?, node: NodeHello? = nil, client: ClientHello? = nil) {
    self.role = role
    self.node = node
    self.client = client
  }
}

/// A node's part of the handshake.
public struct NodeHello: Sendable, Hashable {
  public var models: [ServedModel]
  public var maxActiveRequests: Int
  /// Where the node's earnings are paid; empty when it has no payment key.
  public var ledgerAddress: String
  /// Basis points, 10000 = ×1.0; nil asks for ×1.0.
  public var priceCoefficient: UInt64?
  /// The latest earning voucher this coordinator gave the node, if any.
  public var lastVoucher: PaymentVoucher?

  public init(
    models: [ServedModel], maxActiveRequests: Int, ledgerAddress: String = "", priceCoefficient: UInt64? = nil,
    lastVoucher: PaymentVoucher? = nil
  ) {
    self.models = models
    self.maxActiveRequests = maxActiveRequests
    self.ledgerAddress = ledgerAddress
    self.priceCoefficient = priceCoefficient
    self.lastVoucher = lastVoucher
  }
}

/// A client's part of the handshake.
public struct ClientHello: Sendable, Hashable {
  /// Proves the client controls the account it asks to be charged; nil when it has no payment key.
  public var proof: ClientLedgerProof?
  /// The latest charge voucher this coordinator gave the client, if any.
  public var lastVoucher: PaymentVoucher?

  public init(proof: ClientLedgerProof? = nil, lastVoucher: PaymentVoucher? = nil) {
    self.proof = proof
    self.lastVoucher = lastVoucher
  }
}

/// The accepting side's answer to a ``PeerHello``.
public struct HelloAcknowledgement: Sendable, Hashable {
  /// The role the acknowledging side claims.
  public var role: Role?
  /// The ledger network the coordinator settles on.
  public var networkID: String
  /// The coordinator's ledger identity; nil when it does not charge or pay.
  public var ledger: CoordinatorLedgerIdentity?

  public init(role: Role?, networkID: String, ledger: CoordinatorLedgerIdentity? = nil) {
    self.role = role
    self.networkID = networkID
    self.ledger = ledger
  }
}

/// The address a coordinator settles from and the key that signs its vouchers.
public struct CoordinatorLedgerIdentity: Sendable, Hashable {
  public var address: String
  public var publicKey: Data

  public init(address: String, publicKey: Data) {
    self.address = address
    self.publicKey = publicKey
  }
}
