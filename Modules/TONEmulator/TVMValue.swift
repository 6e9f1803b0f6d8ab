public import BigInt
public import TON

/// A TVM stack value, as the emulator's `VmStack` serialization carries it.
public indirect enum TVMValue: Sendable, Hashable {
  case null
  case int(BigInt)
  case nan
  case cell(Cell)
  /// A slice, given as the cell of its unread bits and references.
  case slice(Cell)
  case builder(Cell)
  case tuple([TVMValue])

  /// The integer, if this is one.
  public var integer: BigInt? {
    if case .int(let value) = self { return value }
    return nil
  }

  /// The cell of a cell, slice or builder value.
  public var cellValue: Cell? {
    switch self {
    case .cell(let cell), .slice(let cell), .builder(let cell): cell
    default: nil
    }
  }

  /// Reads an address from a slice value.
  public var address: Address? {
    get throws {
      guard case .slice(let cell) = self else { return nil }
      var slice = cell.beginParse()
      return try slice.loadAddress()
    }
  }
}

/// Converts between Swift values and `VmStack` cells.
public enum TVMStack {
  /// The `VmStack` cell for `values`, bottom first (the last value is the top of the stack).
  public static func serialize(_ values: [TVMValue]) throws -> Cell {
    var rest = Cell.empty
    for value in values.dropLast() {
      var cons = CellBuilder()
      try cons.storeRef(rest)
      try store(value, into: &cons)
      rest = try cons.endCell()
    }
    var top = CellBuilder()
    try top.storeUInt(UInt64(values.count), bits: 24)
    if let last = values.last {
      try top.storeRef(rest)
      try store(last, into: &top)
    }
    return try top.endCell()
  }

  /// The values of a `VmStack` cell, bottom first.
  public static func parse(_ cell: Cell) throws -> [TVMValue] {
    var slice = cell.beginParse()
    let depth = Int(try slice.loadUInt(bits: 24))
    guard depth <= 1024 else { throw TONError(.invalidCell, "a stack of \(depth) values is more than accepted (1024)") }
    var values = [TVMValue]()
    for _ in 0..<depth {
      let rest = try slice.loadRef()
      values.append(try load(&slice, depth: 0))
      slice = rest.beginParse()
    }
    return values.reversed()
  }

  static func store(_ value: TVMValue, into builder: inout CellBuilder) throws {
    switch value {
    case .null:
      try builder.storeUInt(0x00, bits: 8)
    case .int(let number):
      if let small = Int64(exactly: number) {
        try builder.storeUInt(0x01, bits: 8)
        try builder.storeInt(small, bits: 64)
      } else {
        try builder.storeUInt(0x0100, bits: 15)
        try builder.storeBigInt(number, bits: 257)
      }
    case .nan:
      try builder.storeUInt(0x02FF, bits: 16)
    case .cell(let cell):
      try builder.storeUInt(0x03, bits: 8)
      try builder.storeRef(cell)
    case .slice(let cell):
      try builder.storeUInt(0x04, bits: 8)
      try builder.storeRef(cell)
      try builder.storeUInt(0, bits: 10)
      try builder.storeUInt(UInt64(cell.bitCount), bits: 10)
      try builder.storeUInt(0, bits: 3)
      try builder.storeUInt(UInt64(cell.refs.count), bits: 3)
    case .builder(let cell):
      try builder.storeUInt(0x05, bits: 8)
      try builder.storeRef(cell)
    case .tuple(let items):
      try builder.storeUInt(0x07, bits: 8)
      try builder.storeUInt(UInt64(items.count), bits: 16)
      try storeTuple(items, into: &builder)
    }
  }

  private static func valueCell(_ value: TVMValue) throws -> Cell {
    var builder = CellBuilder()
    try store(value, into: &builder)
    return try builder.endCell()
  }

  /// `VmTuple n`: head (`VmTupleRef (n-1)`) then a reference to the last value.
  private static func storeTuple(_ items: [TVMValue], into builder: inout CellBuilder) throws {
    guard let last = items.last else { return }
    let head = Array(items.dropLast())
    switch head.count {
    case 0: break
    case 1: try builder.storeRef(try valueCell(head[0]))
    default:
      var inner = CellBuilder()
      try storeTuple(head, into: &inner)
      try builder.storeRef(try inner.endCell())
    }
    try builder.storeRef(try valueCell(last))
  }

  static func load(_ slice: inout CellSlice, depth: Int) throws -> TVMValue {
    guard depth < 64 else { throw TONError(.invalidCell, "stack values nest at most 64 deep here") }
    let tag = try slice.loadUInt(bits: 8)
    switch tag {
    case 0x00: return .null
    case 0x01: return .int(BigInt(try slice.loadInt(bits: 64)))
    case 0x02:
      if try slice.preloadUInt(bits: 7) == 0 {
        try slice.skipBits(7)
        return .int(try slice.loadBigInt(bits: 257))
      }
      guard try slice.loadUInt(bits: 8) == 0xFF else { throw TONError(.invalidCell, "unknown stack value tag 0x02..") }
      return .nan
    case 0x03: return .cell(try slice.loadRef())
    case 0x04:
      let cell = try slice.loadRef()
      let startBits = Int(try slice.loadUInt(bits: 10))
      let endBits = Int(try slice.loadUInt(bits: 10))
      let startRef = Int(try slice.loadUInt(bits: 3))
      let endRef = Int(try slice.loadUInt(bits: 3))
      guard startBits <= endBits, endBits <= cell.bitCount, startRef <= endRef, endRef <= cell.refs.count else {
        throw TONError(.invalidCell, "a stack slice's bounds are outside its cell")
      }
      var reader = cell.beginParse()
      try reader.skipBits(startBits)
      let bits = try reader.loadBits(endBits - startBits)
      return .slice(try Cell(data: bits.bytes, bitCount: bits.count, refs: Array(cell.refs[startRef..<endRef])))
    case 0x05: return .builder(try slice.loadRef())
    case 0x07:
      let count = Int(try slice.loadUInt(bits: 16))
      return .tuple(try loadTuple(&slice, count: count, depth: depth + 1))
    default:
      throw TONError(.invalidCell, "unsupported stack value tag \(tag) (continuations are not converted)")
    }
  }

  private static func loadTuple(_ slice: inout CellSlice, count: Int, depth: Int) throws -> [TVMValue] {
    guard count > 0 else { return [] }
    guard depth < 64 else { throw TONError(.invalidCell, "tuples nest at most 64 deep here") }
    var head: [TVMValue] = []
    switch count - 1 {
    case 0: break
    case 1:
      var item = try slice.loadRef().beginParse()
      head = [try load(&item, depth: depth)]
    default:
      var inner = try slice.loadRef().beginParse()
      head = try loadTuple(&inner, count: count - 1, depth: depth + 1)
    }
    var last = try slice.loadRef().beginParse()
    return head + [try load(&last, depth: depth)]
  }
}
