/// One transfer order signed by a wallet: its seqno, expiry and up to the wallet's limit of messages.
public struct WalletTransfer: Sendable, Hashable {
  /// The wallet's current seqno (0 on the first, deploying, message).
  public var seqno: UInt32
  /// The last unix time at which the wallet accepts the order.
  public var validUntil: UInt32
  /// The messages to send, each with its send mode.
  public var messages: [(message: InternalMessage, mode: SendMode)]

  /// Creates a transfer order.
  public init(seqno: UInt32, validUntil: UInt32, messages: [(message: InternalMessage, mode: SendMode)]) {
    self.seqno = seqno
    self.validUntil = validUntil
    self.messages = messages
  }

  public static func == (lhs: WalletTransfer, rhs: WalletTransfer) -> Bool {
    lhs.seqno == rhs.seqno && lhs.validUntil == rhs.validUntil
      && lhs.messages.map(\.message) == rhs.messages.map(\.message)
      && lhs.messages.map(\.mode) == rhs.messages.map(\.mode)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(seqno)
    hasher.combine(validUntil)
    for item in messages {
      hasher.combine(item.message)
      hasher.combine(item.mode)
    }
  }
}

/// A standard TON wallet contract: its state init, its address and the signed external messages it accepts.
public protocol Wallet: Sendable {
  /// The owner's Ed25519 public key.
  var publicKey: [UInt8] { get }
  /// The workchain the wallet lives in.
  var workchain: Int32 { get }
  /// The wallet's state init (code and initial data).
  var stateInit: StateInit { get throws }
  /// The most messages one transfer may carry.
  static var maxMessages: Int { get }
  /// The signed body of an external message carrying `transfer`.
  func signedBody(_ transfer: WalletTransfer, keyPair: KeyPair) throws -> Cell
}

extension Wallet {
  /// The wallet's address.
  public var address: Address {
    get throws { try stateInit.address(workchain: workchain) }
  }

  /// The external message carrying `transfer`; includes the state init when `seqno` is 0.
  public func externalMessage(_ transfer: WalletTransfer, keyPair: KeyPair) throws -> ExternalMessage {
    guard keyPair.publicKey == publicKey else {
      throw TONError(.invalidKey, "the key pair does not belong to this wallet's public key")
    }
    guard transfer.messages.count <= Self.maxMessages else {
      throw TONError(.invalidValue, "this wallet sends at most \(Self.maxMessages) messages at once, not \(transfer.messages.count)")
    }
    return ExternalMessage(
      destination: try address,
      stateInit: transfer.seqno == 0 ? try stateInit : nil,
      body: try signedBody(transfer, keyPair: keyPair))
  }
}
