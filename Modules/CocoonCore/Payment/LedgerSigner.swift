public import Foundation

/// A party's identity on a ledger: its address and the key that signs its ledger operations and, for a
/// coordinator, its payment vouchers and checkpoints. The key never leaves the process.
public protocol LedgerSigner: Sendable {
  /// The party's ledger address.
  var address: String { get }
  /// The Ed25519 public key (32 bytes) signatures verify under.
  var publicKey: Data { get }
  /// Signs `message` (Ed25519).
  func sign(_ message: Data) throws -> Data
}
