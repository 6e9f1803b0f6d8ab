/// An immutable TON cell: up to 1023 data bits and up to four references, ordinary or exotic.
///
/// A cell computes its level mask, hashes and depths once, when it is created, following the rules of
/// the TON virtual machine (tvm.pdf 3.1): every malformed cell is refused by the initializer.
public final class Cell: Sendable, Hashable, CustomStringConvertible {
  /// The maximum number of data bits in one cell.
  public static let maxBits = 1023
  /// The maximum number of references in one cell.
  public static let maxRefs = 4
  /// The maximum depth of a cell tree.
  public static let maxDepth = 1024

  /// The type of the cell.
  public let kind: CellKind
  /// The number of data bits.
  public let bitCount: Int
  /// The data bits, packed big-endian, `(bitCount + 7) / 8` bytes; unused trailing bits are zero.
  public let data: [UInt8]
  /// The references.
  public let refs: [Cell]
  /// The level mask.
  public let levelMask: LevelMask
  /// The computed hashes, 32 bytes each (one for a pruned branch, `levelMask.hashCount` otherwise).
  let hashStorage: Hashes
  /// The computed depths, one per computed hash.
  let depthStorage: Depths

  /// Creates an ordinary cell.
  /// - Throws: ``TONError`` `.cellOverflow` for more than 1023 bits or four references, `.cellTooDeep`.
  public convenience init(data: [UInt8], bitCount: Int, refs: [Cell] = []) throws {
    try self.init(kind: .ordinary, data: data, bitCount: bitCount, refs: refs)
  }

  /// Creates an exotic cell; its type is read from the first data byte.
  /// - Throws: ``TONError`` `.invalidCell` when the data does not follow the type's layout.
  public convenience init(exoticData data: [UInt8], bitCount: Int, refs: [Cell] = []) throws {
    guard bitCount >= 8, let first = data.first, let kind = CellKind(rawValue: Int(first)), kind.isExotic else {
      throw TONError(.invalidCell, "an exotic cell starts with its type byte: 1 (pruned branch), 2 (library), 3 (Merkle proof) or 4 (Merkle update)")
    }
    try self.init(kind: kind, data: data, bitCount: bitCount, refs: refs)
  }

  /// Creates a cell of the given kind, validating its layout and computing its hashes.
  init(kind: CellKind, data: [UInt8], bitCount: Int, refs: [Cell]) throws {
    guard bitCount >= 0, bitCount <= Cell.maxBits else {
      throw TONError(.cellOverflow, "a cell holds 0 to 1023 bits, not \(bitCount)")
    }
    guard refs.count <= Cell.maxRefs else {
      throw TONError(.cellOverflow, "a cell holds at most 4 references, not \(refs.count)")
    }
    let byteCount = (bitCount + 7) / 8
    guard data.count >= byteCount else {
      throw TONError(.cellUnderflow, "\(bitCount) bits need \(byteCount) bytes, got \(data.count)")
    }
    var stored = data.count == byteCount ? data : Array(data.prefix(byteCount))
    if bitCount % 8 != 0, stored[byteCount - 1] & UInt8(0xFF >> (bitCount % 8)) != 0 {
      stored[byteCount - 1] &= ~UInt8(0xFF >> (bitCount % 8))
    }
    self.kind = kind
    self.bitCount = bitCount
    self.data = stored
    self.refs = refs
    self.levelMask = try Cell.resolveLevelMask(kind: kind, data: stored, bitCount: bitCount, refs: refs)
    (hashStorage, depthStorage) = try Cell.computeHashes(
      kind: kind, mask: levelMask, data: stored, bitCount: bitCount, refs: refs)
  }

  /// The empty ordinary cell.
  public static let empty: Cell = try! Cell(data: [], bitCount: 0)

  /// The representation hash (the hash at the highest level), 32 bytes.
  public var hash: [UInt8] { hashStorage.bytes(hashStorage.count - 1) }

  /// The representation hash as lower-case hex.
  public var hashHex: String { ByteEncoding.hex(hash) }

  /// The depth of the cell tree (at the highest level).
  public var depth: Int { Int(depthStorage.last) }

  /// The level of the cell.
  public var level: Int { levelMask.level }

  /// The hash of the cell at `level` (0 through 3).
  public func hash(level: Int) -> [UInt8] {
    var index = levelMask.apply(level).hashIndex
    if kind == .prunedBranch {
      let own = levelMask.hashIndex
      if index != own { return Array(data[(2 + index * 32)..<(2 + index * 32 + 32)]) }
      index = 0
    }
    return hashStorage.bytes(index)
  }

  /// The depth of the cell at `level` (0 through 3).
  public func depth(level: Int) -> Int {
    var index = levelMask.apply(level).hashIndex
    if kind == .prunedBranch {
      let own = levelMask.hashIndex
      if index != own {
        let offset = 2 + 32 * own + 2 * index
        return Int(data[offset]) << 8 | Int(data[offset + 1])
      }
      index = 0
    }
    return Int(depthStorage[index])
  }

  /// The first descriptor byte for the given mask: `refs + 8 * exotic + 32 * mask`.
  func refsDescriptor(mask: LevelMask) -> UInt8 {
    UInt8(refs.count) + (kind.isExotic ? 8 : 0) + mask.rawValue &* 32
  }

  /// The second descriptor byte: `ceil(bits / 8) + floor(bits / 8)`.
  var bitsDescriptor: UInt8 { UInt8(bitCount / 8 + (bitCount + 7) / 8) }

  /// The data bytes with the completion tag appended when the bit count is not a multiple of 8.
  var paddedData: [UInt8] {
    guard bitCount % 8 != 0 else { return data }
    var bytes = data
    bytes[bytes.count - 1] |= UInt8(0x80 >> (bitCount % 8))
    return bytes
  }

  /// A slice that reads this cell from the start.
  public func beginParse() -> CellSlice { CellSlice(self) }

  /// A short description: bit count, data hex and reference count.
  public var description: String {
    "\(kind.isExotic ? "*" : "")\(bitCount)[\(ByteEncoding.hex(data).uppercased())] -> \(refs.count) refs"
  }

  public static func == (lhs: Cell, rhs: Cell) -> Bool {
    lhs === rhs || lhs.hashStorage.last == rhs.hashStorage.last
  }

  public func hash(into hasher: inout Hasher) {
    // Eight bytes of a SHA-256 hash are uniformly distributed: enough for hashing.
    hasher.combine(hashStorage.last.0)
  }
}

/// Up to four depths stored inline (one per level), so a cell needs no extra allocation for them.
struct Depths: Sendable {
  private var values: (UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0)
  private(set) var count = 0

  mutating func append(_ value: UInt16) {
    switch count {
    case 0: values.0 = value
    case 1: values.1 = value
    case 2: values.2 = value
    default: values.3 = value
    }
    count += 1
  }

  subscript(index: Int) -> UInt16 {
    switch index {
    case 0: values.0
    case 1: values.1
    case 2: values.2
    default: values.3
    }
  }

  var last: UInt16 { self[count - 1] }
}

/// Up to four 32-byte hashes stored inline, so a cell needs no extra allocation for them.
struct Hashes: Sendable {
  typealias Hash = (UInt64, UInt64, UInt64, UInt64)
  private var words = SIMD16<UInt64>()
  private(set) var count = 0

  /// Appends a 32-byte hash.
  mutating func append(_ source: UnsafeRawBufferPointer) {
    let offset = count * 32
    withUnsafeMutableBytes(of: &words) { (target: UnsafeMutableRawBufferPointer) in
      UnsafeMutableRawBufferPointer(rebasing: target[offset..<(offset + 32)]).copyMemory(from: source)
    }
    count += 1
  }

  /// Copies hash `index` to `destination`.
  func copy(_ index: Int, to destination: UnsafeMutablePointer<UInt8>) {
    withUnsafeBytes(of: words) { source in
      UnsafeMutableRawPointer(destination).copyMemory(from: source.baseAddress! + index * 32, byteCount: 32)
    }
  }

  /// Hash `index` as bytes.
  func bytes(_ index: Int) -> [UInt8] {
    withUnsafeBytes(of: words) { Array($0[(index * 32)..<(index * 32 + 32)]) }
  }

  /// The last hash as four words (for equality and hashing).
  var last: Hash {
    let base = (count - 1) * 4
    return (words[base], words[base + 1], words[base + 2], words[base + 3])
  }
}
