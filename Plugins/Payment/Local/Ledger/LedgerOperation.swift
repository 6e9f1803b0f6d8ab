public import CocoonCore
public import Foundation

/// An operation a party signs and sends to the local ledger, as a wallet sends a message to a TON contract.
public struct LedgerOperation: Hashable, Sendable {
  /// What the operation does.
  public enum Name: String, Sendable {
    case registerCoordinator = "register-coordinator"
    case deposit
    case increaseStake = "increase-stake"
    case withdraw
    case close
    case closeCoordinator = "close-coordinator"
  }

  public var name: Name
  /// The ledger's network ID (no replay across ledgers).
  public var network: String
  /// The signing party's address (hex of its Ed25519 public key).
  public var actor: String
  /// The coordinator the operation concerns.
  public var coordinator: String
  public var amount: NanoAmount
  /// Free text the operation carries (a coordinator's endpoint).
  public var text: String
  /// Strictly increasing per actor: a signed operation can be applied once.
  public var nonce: UInt64
  /// The actor's Ed25519 signature over ``signingBytes``.
  public var signature: Data

  public init(
    name: Name, network: String, actor: String, coordinator: String, amount: NanoAmount = .zero, text: String = "",
    nonce: UInt64, signature: Data = Data()
  ) {
    self.name = name
    self.network = network
    self.actor = actor
    self.coordinator = coordinator
    self.amount = amount
    self.text = text
    self.nonce = nonce
    self.signature = signature
  }

  /// A domain tag, then each field length-prefixed; integers big-endian.
  public var signingBytes: Data {
    var out = Data("cocoon-local-ledger-op-v1".utf8)
    for field in [name.rawValue, network, actor, coordinator, text] {
      let bytes = Data(field.utf8)
      out.append(contentsOf: withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init))
      out.append(bytes)
    }
    out.append(contentsOf: withUnsafeBytes(of: amount.rawValue.bigEndian, Array.init))
    out.append(contentsOf: withUnsafeBytes(of: nonce.bigEndian, Array.init))
    return out
  }

  /// This operation signed by `signer`.
  public func signed(by signer: any LedgerSigner) throws -> LedgerOperation {
    var copy = self
    copy.signature = try signer.sign(signingBytes)
    return copy
  }
}
