import Crypto
import _CryptoExtras

/// A TON wallet mnemonic: 24 BIP39 English words, derived to a key the way TON wallets do.
///
/// entropy = HMAC-SHA512(key: the phrase, message: empty); seed = PBKDF2-HMAC-SHA512(entropy,
/// salt "TON default seed", 100,000 rounds), first 32 bytes. A phrase is valid only when
/// PBKDF2-HMAC-SHA512(entropy, "TON seed version", 390 rounds) starts with a zero byte (the "basic seed" check).
public struct Mnemonic: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The number of words.
  public static let wordCount = 24
  /// The BIP39 English word list.
  public static var wordList: [String] { BIP39EnglishWords.all }
  private static let wordSet = Set(BIP39EnglishWords.all)

  /// The words, in order.
  public let words: [String]

  /// Validates a list of words.
  /// - Throws: ``TONError`` `.invalidMnemonic` for a wrong count, an unknown word or a failed basic-seed check.
  public init(words: [String]) throws {
    guard words.count == Mnemonic.wordCount else {
      throw TONError(.invalidMnemonic, "a TON mnemonic has 24 words, not \(words.count)")
    }
    for (index, word) in words.enumerated() where !Mnemonic.wordSet.contains(word) {
      throw TONError(.invalidMnemonic, "word \(index + 1) is not in the BIP39 English list")
    }
    guard Mnemonic.isBasicSeed(Mnemonic.entropy(of: words)) else {
      throw TONError(.invalidMnemonic, "the words are not a TON mnemonic (the basic seed check fails)")
    }
    self.words = words
  }

  /// Parses a phrase of words separated by white space.
  public init(phrase: String) throws {
    try self.init(words: phrase.split(whereSeparator: { $0.isWhitespace }).map { $0.lowercased() })
  }

  /// Generates a new mnemonic from the system's secure random generator.
  public static func generate() -> Mnemonic {
    var generator = SystemRandomNumberGenerator()
    return generate(using: &generator)
  }

  /// Generates a new mnemonic, drawing words until the basic seed check passes.
  public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> Mnemonic {
    let list = BIP39EnglishWords.all
    while true {
      let words = (0..<wordCount).map { _ in list[Int.random(in: 0..<list.count, using: &generator)] }
      if isBasicSeed(entropy(of: words)) { return try! Mnemonic(words: words) }
    }
  }

  /// The words joined by single spaces.
  public var phrase: String { words.joined(separator: " ") }

  /// HMAC-SHA512 keyed by the phrase over the empty message.
  public var entropy: [UInt8] { Mnemonic.entropy(of: words) }

  static func entropy(of words: [String]) -> [UInt8] {
    let key = SymmetricKey(data: Array(words.joined(separator: " ").utf8))
    return [UInt8](HMAC<SHA512>.authenticationCode(for: [UInt8](), using: key))
  }

  static func isBasicSeed(_ entropy: [UInt8]) -> Bool {
    pbkdf2(entropy, salt: "TON seed version", rounds: 100_000 / 256, bytes: 1).first == 0
  }

  static func pbkdf2(_ password: [UInt8], salt: String, rounds: Int, bytes: Int) -> [UInt8] {
    let key = try! KDF.Insecure.PBKDF2.deriveKey(
      from: password, salt: Array(salt.utf8), using: .sha512, outputByteCount: bytes, unsafeUncheckedRounds: rounds)
    return key.withUnsafeBytes { [UInt8]($0) }
  }

  /// The 32-byte Ed25519 seed.
  public var seed: [UInt8] { Mnemonic.pbkdf2(entropy, salt: "TON default seed", rounds: 100_000, bytes: 32) }

  /// Never shows the words.
  public var description: String { "Mnemonic(24 words, redacted)" }
  public var debugDescription: String { description }

  /// The wallet key pair.
  public func keyPair() throws -> KeyPair { try KeyPair(seed: seed) }
}
