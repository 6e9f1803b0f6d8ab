public import CocoonCore
import Crypto
public import Foundation

/// An Ed25519 ledger identity: the address is the lower-case hex of the 32-byte public key, so anyone can check a
/// signature against an address without a lookup.
public struct Ed25519LedgerKey: LedgerSigner {
  private let key: Curve25519.Signing.PrivateKey

  /// A new random key.
  public init() { key = Curve25519.Signing.PrivateKey() }

  /// A key from its 32 raw private bytes.
  /// - Throws: ``CocoonError`` `invalidArgument` when the bytes are not a key.
  public init(rawRepresentation: Data) throws {
    do { key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation) } catch {
      throw CocoonError(.invalidArgument, "a ledger key must be 32 raw Ed25519 private-key bytes")
    }
  }

  public var publicKey: Data { key.publicKey.rawRepresentation }
  public var address: String { publicKey.hexString }

  public func sign(_ message: Data) throws -> Data { try key.signature(for: message) }

  /// Loads the key at `path` (64 hex characters), or creates one there with mode 0600 if the file does not exist.
  /// - Throws: ``CocoonError`` `io` if the file cannot be read or written, or is readable by others;
  ///   `invalidArgument` if it does not hold a key.
  public static func loadOrCreate(at path: String) throws -> Ed25519LedgerKey {
    if let existing = try load(at: path) { return existing }
    let created = Ed25519LedgerKey()
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if !FileManager.default.fileExists(atPath: directory) {
      try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let text = Data((created.key.rawRepresentation.hexString + "\n").utf8)
    // Another process (a role's daemon and its command started together) may create the key at the same moment:
    // whichever file lands first is the key, for both.
    if try AtomicFile.createIfAbsent(text, at: path, permissions: 0o600) { return created }
    guard let winner = try load(at: path) else { throw CocoonError(.io, "ledger key '\(path)' vanished while created") }
    return winner
  }

  /// The key stored at `path`, or nil when there is no file.
  static func load(at path: String) throws -> Ed25519LedgerKey? {
    if let text = FileManager.default.contents(atPath: path) {
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      if let mode = (attributes?[.posixPermissions] as? NSNumber)?.uint16Value, mode & 0o077 != 0 {
        throw CocoonError(.io, "ledger key '\(path)' is readable by others (mode \(String(mode, radix: 8))); chmod 600 it")
      }
      let hex = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      guard let raw = Data(exactHex: hex), raw.count == 32 else {
        throw CocoonError(.invalidArgument, "ledger key '\(path)' must hold 64 hex characters (an Ed25519 private key)")
      }
      return try Ed25519LedgerKey(rawRepresentation: raw)
    }
    return nil
  }

  /// Whether `signature` is `publicKey`'s Ed25519 signature over `message`.
  public static func isValid(signature: Data, of message: Data, publicKey: Data) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
    return key.isValidSignature(signature, for: message)
  }
}
