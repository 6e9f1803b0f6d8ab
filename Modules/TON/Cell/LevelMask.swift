/// The level mask of a cell (TON whitepaper / tvm.pdf 3.1.2): bit `i` set means the cell has a hash at level `i + 1`.
public struct LevelMask: Hashable, Sendable {
  /// The raw three-bit mask.
  public let rawValue: UInt8

  /// Creates a mask from its raw bits (only the low three bits are meaningful).
  public init(_ rawValue: UInt8) { self.rawValue = rawValue }

  /// The level: the index of the highest set bit plus one, or 0.
  public var level: Int { 8 - rawValue.leadingZeroBitCount }

  /// The index of the highest hash: the number of set bits.
  public var hashIndex: Int { rawValue.nonzeroBitCount }

  /// How many hashes a cell with this mask has.
  public var hashCount: Int { hashIndex + 1 }

  /// The mask restricted to levels below `level`.
  public func apply(_ level: Int) -> LevelMask {
    LevelMask(level >= 8 ? rawValue : rawValue & UInt8((1 << level) - 1))
  }

  /// Whether the cell has a distinct hash at `level`.
  public func isSignificant(_ level: Int) -> Bool {
    level == 0 || (rawValue >> (level - 1)) & 1 != 0
  }
}
