/// Serializes and parses the Patricia tree of `Hashmap n X` (labels hml_short, hml_long, hml_same).
enum HashmapCodec {
  static func lengthBits(_ maxLength: Int) -> Int { Int.bitWidth - maxLength.leadingZeroBitCount }

  /// Builds the node for entries whose keys agree on their first `prefix` bits; `remaining` bits are left.
  static func build(_ entries: [(key: BitString, value: Cell)], prefix: Int, remaining: Int) throws -> Cell {
    let first = entries[0].key
    let last = entries[entries.count - 1].key
    var common = 0
    while common < remaining, first[prefix + common] == last[prefix + common] { common += 1 }
    var builder = CellBuilder()
    try storeLabel(&builder, key: first, from: prefix, length: common, maxLength: remaining)
    if common == remaining {
      guard entries.count == 1 else { throw TONError(.dictionary, "duplicate dictionary key") }
      do {
        try builder.storeCell(entries[0].value)
      } catch {
        throw TONError(.dictionary, "a dictionary value does not fit in its leaf cell next to the key label")
      }
    } else {
      let split = prefix + common
      let zeros = entries.filter { !$0.key[split] }
      let ones = entries.filter { $0.key[split] }
      try builder.storeRef(try build(zeros, prefix: split + 1, remaining: remaining - common - 1))
      try builder.storeRef(try build(ones, prefix: split + 1, remaining: remaining - common - 1))
    }
    return try builder.endCell()
  }

  /// Writes the shortest label: short, then long, then same on strict improvement.
  static func storeLabel(_ builder: inout CellBuilder, key: BitString, from start: Int, length: Int, maxLength: Int) throws {
    let k = lengthBits(maxLength)
    var kind = 0
    var cost = 2 * length + 2
    if 2 + k + length < cost {
      kind = 1
      cost = 2 + k + length
    }
    let same = (0..<length).allSatisfy { key[start + $0] == key[start] }
    if length > 0, same, 3 + k < cost { kind = 2 }
    switch kind {
    case 0:
      try builder.storeBit(false)
      for _ in 0..<length { try builder.storeBit(true) }
      try builder.storeBit(false)
      for index in 0..<length { try builder.storeBit(key[start + index]) }
    case 1:
      try builder.storeUInt(0b10, bits: 2)
      try builder.storeUInt(UInt64(length), bits: k)
      for index in 0..<length { try builder.storeBit(key[start + index]) }
    default:
      try builder.storeUInt(0b11, bits: 2)
      try builder.storeBit(key[start])
      try builder.storeUInt(UInt64(length), bits: k)
    }
  }

  static func parse(_ cell: Cell, prefix: BitString, remaining: Int, into entries: inout [BitString: Cell]) throws {
    guard cell.kind == .ordinary else { throw TONError(.dictionary, "a dictionary node is an ordinary cell") }
    var slice = cell.beginParse()
    var key = prefix
    let length = try loadLabel(&slice, maxLength: remaining, into: &key)
    if length == remaining {
      entries[key] = try slice.remainder()
      return
    }
    guard slice.remainingRefs == 2 else { throw TONError(.dictionary, "a dictionary fork has two references") }
    for bit in [false, true] {
      var child = key
      child.append(bit)
      try parse(try slice.loadRef(), prefix: child, remaining: remaining - length - 1, into: &entries)
    }
  }

  static func loadLabel(_ slice: inout CellSlice, maxLength: Int, into key: inout BitString) throws -> Int {
    let k = lengthBits(maxLength)
    let length: Int
    if try !slice.loadBit() {
      var unary = 0
      while try slice.loadBit() { unary += 1 }
      length = unary
      guard length <= maxLength else { throw TONError(.dictionary, "a dictionary label is longer than the key") }
      for _ in 0..<length { key.append(try slice.loadBit()) }
    } else if try !slice.loadBit() {
      length = Int(try slice.loadUInt(bits: k))
      guard length <= maxLength else { throw TONError(.dictionary, "a dictionary label is longer than the key") }
      for _ in 0..<length { key.append(try slice.loadBit()) }
    } else {
      let bit = try slice.loadBit()
      length = Int(try slice.loadUInt(bits: k))
      guard length <= maxLength else { throw TONError(.dictionary, "a dictionary label is longer than the key") }
      for _ in 0..<length { key.append(bit) }
    }
    return length
  }
}
