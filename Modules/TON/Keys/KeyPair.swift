public import Crypto

/// An Ed25519 key pair as TON wallets use it: a 32-byte seed and its 32-byte public key.
public struct KeyPair: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The 32-byte seed (secret).
  public let seed: [UInt8]
  /// The 32-byte public key.
  public let publicKey: [UInt8]

  /// Creates a key pair from a 32-byte Ed25519 seed.
  /// - Throws: ``TONError`` `.invalidKey` unless the seed is 32 bytes.
  public init(seed: [UInt8]) throws {
    guard seed.count == 32 else { throw TONError(.invalidKey, "an Ed25519 seed is 32 bytes, not \(seed.count)") }
    do {
      let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
      self.seed = seed
      publicKey = [UInt8](key.publicKey.rawRepresentation)
    } catch {
      throw TONError(.invalidKey, "the Ed25519 seed was refused by the crypto library")
    }
  }

  /// The signing key.
  public var privateKey: Curve25519.Signing.PrivateKey {
    // The seed was accepted once, in the initializer.
    try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
  }

  /// Signs `message` (for TON: a cell's representation hash); 64 bytes.
  public func sign(_ message: [UInt8]) throws -> [UInt8] {
    do {
      return [UInt8](try privateKey.signature(for: message))
    } catch {
      throw TONError(.invalidKey, "Ed25519 signing failed")
    }
  }

  /// Shows the public key only.
  public var description: String { "KeyPair(publicKey: \(ByteEncoding.hex(publicKey)))" }
  public var debugDescription: String { description }

  /// Checks an Ed25519 signature made by `publicKey`.
  public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
    return key.isValidSignature(signature, for: message)
  }
}
