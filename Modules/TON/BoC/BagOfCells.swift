/// Reading and writing bags of cells (`serialized_boc`, the TON wire format for cell trees).
public enum BagOfCells {
  /// Limits applied while reading, so hostile input costs bounded time and memory.
  public struct Limits: Sendable, Hashable {
    /// The most input bytes accepted.
    public var maxBytes: Int
    /// The most cells accepted.
    public var maxCells: Int
    /// The most roots accepted.
    public var maxRoots: Int
    /// The deepest cell tree accepted (at most 1024, the TVM limit).
    public var maxDepth: Int

    /// Creates limits.
    public init(maxBytes: Int = 64 << 20, maxCells: Int = 1 << 20, maxRoots: Int = 1024, maxDepth: Int = Cell.maxDepth) {
      self.maxBytes = maxBytes
      self.maxCells = maxCells
      self.maxRoots = maxRoots
      self.maxDepth = min(maxDepth, Cell.maxDepth)
    }

    /// The default limits: 64 MiB, 2^20 cells, 1024 roots, depth 1024.
    public static let `default` = Limits()
  }

  /// The optional parts of a serialized bag of cells.
  public struct WriteOptions: Sendable, Hashable {
    /// Writes an index after the root list (per-cell lengths, as pytoniq-core and tonsdk write it).
    public var hasIndex: Bool
    /// Appends a CRC32C of everything before it.
    public var hasCRC32C: Bool
    /// Sets the cache-bits flag.
    public var hasCacheBits: Bool

    /// Creates options.
    public init(hasIndex: Bool = false, hasCRC32C: Bool = false, hasCacheBits: Bool = false) {
      self.hasIndex = hasIndex
      self.hasCRC32C = hasCRC32C
      self.hasCacheBits = hasCacheBits
    }
  }

  static let reachMagic: [UInt8] = [0xB5, 0xEE, 0x9C, 0x72]
  static let leanMagic: [UInt8] = [0x68, 0xFF, 0x65, 0xF3]
  static let leanCRCMagic: [UInt8] = [0xAC, 0xC3, 0xA7, 0x28]

  /// Reads the roots of a binary bag of cells.
  /// - Throws: ``TONError`` with a `boc…` code for each kind of malformed input.
  public static func deserialize(_ bytes: [UInt8], limits: Limits = .default) throws -> [Cell] {
    var reader = BoCReader(bytes: bytes, limits: limits)
    return try reader.read()
  }

  /// Reads a bag of cells given as binary, hex or base64 (detected).
  public static func deserialize(detecting input: [UInt8], limits: Limits = .default) throws -> [Cell] {
    try deserialize(decodeInput(input), limits: limits)
  }

  /// Turns binary, hex or base64 input into the binary bag of cells.
  /// - Throws: ``TONError`` `.invalidEncoding` when the input is none of them.
  public static func decodeInput(_ input: [UInt8]) throws -> [UInt8] {
    if input.count >= 4, [reachMagic, leanMagic, leanCRCMagic].contains(Array(input[0..<4])) { return input }
    let text = String(decoding: input, as: UTF8.self).trimmingWhitespace()
    if let bytes = ByteEncoding.bytes(hex: text), !bytes.isEmpty { return bytes }
    if let bytes = ByteEncoding.bytes(base64: text), !bytes.isEmpty { return bytes }
    throw TONError(.invalidEncoding, "a bag of cells is accepted as binary (starting b5ee9c72), hex or base64")
  }

  /// Writes a bag of cells with the given roots, in the cell order pytoniq-core uses.
  public static func serialize(roots: [Cell], options: WriteOptions = WriteOptions()) -> [UInt8] {
    BoCWriter.write(roots: roots, options: options)
  }
}

extension Cell {
  /// Reads a bag of cells with exactly one root (binary, hex or base64 input).
  /// - Throws: ``TONError`` for malformed input or more than one root.
  public static func fromBoC(_ input: [UInt8], limits: BagOfCells.Limits = .default) throws -> Cell {
    let roots = try BagOfCells.deserialize(detecting: input, limits: limits)
    guard roots.count == 1 else {
      throw TONError(.bocMalformed, "expected a bag of cells with one root, found \(roots.count)")
    }
    return roots[0]
  }

  /// Reads a one-root bag of cells from hex or base64 text.
  public static func fromBoC(_ text: String, limits: BagOfCells.Limits = .default) throws -> Cell {
    try fromBoC(Array(text.utf8), limits: limits)
  }

  /// This cell as a one-root bag of cells.
  public func toBoC(_ options: BagOfCells.WriteOptions = BagOfCells.WriteOptions()) -> [UInt8] {
    BagOfCells.serialize(roots: [self], options: options)
  }

  /// This cell as a base64 bag of cells without index or CRC.
  public func toBoCBase64() -> String { ByteEncoding.base64(toBoC()) }
}
