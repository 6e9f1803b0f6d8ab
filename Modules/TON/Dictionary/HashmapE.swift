/// A `HashmapE n X` dictionary with n-bit keys; values are cell fragments stored inline in the leaves.
public struct HashmapE: Sendable {
  /// The key width in bits (0 to 1023).
  public let keyBits: Int
  private var entries: [BitString: Cell]

  /// Creates an empty dictionary.
  public init(keyBits: Int) throws {
    guard (0...Cell.maxBits).contains(keyBits) else {
      throw TONError(.dictionary, "dictionary keys are 0 to 1023 bits, not \(keyBits)")
    }
    self.keyBits = keyBits
    entries = [:]
  }

  /// The number of entries.
  public var count: Int { entries.count }

  private func check(_ key: BitString) throws {
    guard key.count == keyBits else {
      throw TONError(.dictionary, "this dictionary has \(keyBits)-bit keys, got \(key.count) bits")
    }
  }

  /// The value stored for `key`.
  public func get(_ key: BitString) throws -> Cell? {
    try check(key)
    return entries[key]
  }

  /// Stores `value` (its bits and references go inline into the leaf).
  public mutating func set(_ key: BitString, _ value: Cell) throws {
    try check(key)
    entries[key] = value
  }

  /// Removes `key`; returns the value it had.
  @discardableResult
  public mutating func delete(_ key: BitString) throws -> Cell? {
    try check(key)
    return entries.removeValue(forKey: key)
  }

  /// The entries in ascending key order (unsigned big-endian bit order).
  public var sorted: [(key: BitString, value: Cell)] {
    entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The root cell of the `Hashmap`, or `nil` when empty.
  public func rootCell() throws -> Cell? {
    guard !entries.isEmpty else { return nil }
    return try HashmapCodec.build(sorted, prefix: 0, remaining: keyBits)
  }

  /// Stores `HashmapE`: `0` when empty, else `1` and a reference to the root.
  public func store(into builder: inout CellBuilder) throws {
    try builder.storeMaybeRef(try rootCell())
  }

  /// Reads a dictionary from its root cell (`nil` for the empty one).
  public init(keyBits: Int, root: Cell?) throws {
    try self.init(keyBits: keyBits)
    if let root { try HashmapCodec.parse(root, prefix: BitString(), remaining: keyBits, into: &entries) }
  }

  /// Reads `HashmapE` (a `Maybe ^Hashmap`) from a slice.
  public static func load(from slice: inout CellSlice, keyBits: Int) throws -> HashmapE {
    try HashmapE(keyBits: keyBits, root: try slice.loadMaybeRef())
  }
}
