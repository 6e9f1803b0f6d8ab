/// A standard internal TON address (`addr_std` without anycast): a workchain and a 256-bit account id.
public struct Address: Hashable, Sendable, CustomStringConvertible {
  /// The workchain id (0 for the basechain, -1 for the masterchain).
  public let workchain: Int32
  /// The 32-byte account id.
  public let hash: [UInt8]

  /// Creates an address.
  /// - Throws: ``TONError`` `.invalidAddress` unless `hash` is 32 bytes and the workchain fits in int8.
  public init(workchain: Int32, hash: [UInt8]) throws {
    guard hash.count == 32 else {
      throw TONError(.invalidAddress, "an account id is 32 bytes, not \(hash.count)")
    }
    guard (-128...127).contains(workchain) else {
      throw TONError(.invalidAddress, "the workchain is -128 to 127 in addr_std, not \(workchain)")
    }
    self.workchain = workchain
    self.hash = hash
  }

  /// The raw form `wc:hex`, with 64 lower-case hex digits.
  public var raw: String { "\(workchain):\(ByteEncoding.hex(hash))" }

  public var description: String { raw }

  /// The flags of a user-friendly address.
  public struct Flags: Hashable, Sendable {
    /// Whether money sent to the address should bounce if the account cannot take it.
    public var bounceable: Bool
    /// Whether the address is meant for testnet only.
    public var testnetOnly: Bool

    /// Creates flags.
    public init(bounceable: Bool, testnetOnly: Bool = false) {
      self.bounceable = bounceable
      self.testnetOnly = testnetOnly
    }
  }

  /// The 48-character user-friendly form.
  /// - Parameters:
  ///   - bounceable: tag 0x11 when true, 0x51 when false.
  ///   - testnetOnly: adds the 0x80 flag.
  ///   - urlSafe: uses `-` and `_` instead of `+` and `/`.
  public func friendly(bounceable: Bool = true, testnetOnly: Bool = false, urlSafe: Bool = true) -> String {
    var bytes = [UInt8]()
    bytes.reserveCapacity(36)
    bytes.append((bounceable ? 0x11 : 0x51) | (testnetOnly ? 0x80 : 0))
    bytes.append(UInt8(bitPattern: Int8(workchain)))
    bytes.append(contentsOf: hash)
    let crc = Checksums.crc16(bytes)
    bytes.append(UInt8(crc >> 8))
    bytes.append(UInt8(crc & 0xFF))
    return ByteEncoding.base64(bytes, urlSafe: urlSafe)
  }

  /// Parses any form: raw `wc:hex` or user-friendly (standard or url-safe base64).
  /// - Returns: the address and, for a user-friendly form, its flags.
  /// - Throws: ``TONError`` `.invalidAddress` naming what was wrong.
  public static func parse(_ text: String) throws -> (address: Address, flags: Flags?) {
    let trimmed = text.trimmingWhitespace()
    if trimmed.contains(":") { return (try Address(raw: trimmed), nil) }
    return try parseFriendly(trimmed)
  }

  /// Parses any form of address and drops the flags.
  public init(_ text: String) throws {
    self = try Address.parse(text).address
  }

  /// Parses the raw form `wc:hex`.
  public init(raw text: String) throws {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let workchain = Int32(parts[0]) else {
      throw TONError(.invalidAddress, "a raw address is 'workchain:64 hex digits', got \(text.count) characters")
    }
    guard parts[1].utf8.count == 64, let hash = ByteEncoding.bytes(hex: parts[1]) else {
      throw TONError(.invalidAddress, "a raw address has 64 hex digits after the colon")
    }
    try self.init(workchain: workchain, hash: hash)
  }

  private static func parseFriendly(_ text: String) throws -> (address: Address, flags: Flags?) {
    guard text.utf8.count == 48 else {
      throw TONError(.invalidAddress, "a user-friendly address has 48 characters, got \(text.utf8.count); a raw one is 'wc:hex'")
    }
    guard let bytes = ByteEncoding.bytes(base64: text), bytes.count == 36 else {
      throw TONError(.invalidAddress, "a user-friendly address is base64 or url-safe base64 of 36 bytes")
    }
    let crc = Checksums.crc16(bytes[0..<34])
    guard UInt16(bytes[34]) << 8 | UInt16(bytes[35]) == crc else {
      throw TONError(.invalidAddress, "the address checksum (CRC16-XMODEM) does not match")
    }
    let tag = bytes[0] & 0x7F
    guard tag == 0x11 || tag == 0x51 else {
      throw TONError(.invalidAddress, "the address tag is 0x11 (bounceable) or 0x51 (non-bounceable), optionally | 0x80, not \(bytes[0])")
    }
    let address = try Address(workchain: Int32(Int8(bitPattern: bytes[1])), hash: Array(bytes[2..<34]))
    return (address, Flags(bounceable: tag == 0x11, testnetOnly: bytes[0] & 0x80 != 0))
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
