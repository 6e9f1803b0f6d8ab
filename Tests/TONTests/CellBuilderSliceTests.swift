import BigInt
import Testing

@testable import TON

@Suite("Cell builder and slice")
struct CellBuilderSliceTests {
  @Test("integers of every width round-trip, 257-bit signed included")
  func integersRoundTrip() throws {
    var builder = CellBuilder()
    try builder.storeUInt(5, bits: 3)
    try builder.storeInt(-2, bits: 7)
    try builder.storeBigUInt((BigUInt(1) << 256) - 1, bits: 256)
    try builder.storeBigInt(-(BigInt(1) << 256), bits: 257)
    try builder.storeBigInt((BigInt(1) << 256) - 1, bits: 257)
    var slice = try builder.endCell().beginParse()
    #expect(try slice.loadUInt(bits: 3) == 5)
    #expect(try slice.loadInt(bits: 7) == -2)
    #expect(try slice.loadBigUInt(bits: 256) == (BigUInt(1) << 256) - 1)
    #expect(try slice.loadBigInt(bits: 257) == -(BigInt(1) << 256))
    #expect(try slice.loadBigInt(bits: 257) == (BigInt(1) << 256) - 1)
    #expect(slice.isEmpty)
  }

  @Test("overflow and underflow are typed errors")
  func limits() throws {
    var builder = CellBuilder()
    try builder.storeBits([UInt8](repeating: 0xFF, count: 128), count: 1023)
    #expect(throws: TONError(.cellOverflow, "")) { try builder.storeBit(true) }
    var small = CellBuilder()
    #expect(throws: TONError(.invalidValue, "")) { try small.storeUInt(8, bits: 3) }
    var refs = CellBuilder()
    for _ in 0..<4 { try refs.storeRef(Cell.empty) }
    #expect(throws: TONError(.cellOverflow, "")) { try refs.storeRef(Cell.empty) }
    var slice = Cell.empty.beginParse()
    #expect(throws: TONError(.cellUnderflow, "")) { try slice.loadBit() }
    #expect(throws: TONError(.cellUnderflow, "")) { try slice.loadRef() }
  }

  @Test("coins, addresses, Maybe and Either round-trip")
  func tlbRoundTrip() throws {
    let address = try Address(workchain: -1, hash: [UInt8](repeating: 0xAB, count: 32))
    var builder = CellBuilder()
    try builder.storeCoins(BigUInt(1_500_000_000))
    try builder.storeCoins(0)
    try builder.storeAddress(address)
    try builder.storeAddress(nil)
    try builder.storeMaybeRef(nil)
    try builder.storeMaybeRef(Cell.empty)
    try builder.storeEither(try Cell.textComment("hi"))
    var slice = try builder.endCell().beginParse()
    #expect(try slice.loadCoins() == 1_500_000_000)
    #expect(try slice.loadCoins() == 0)
    #expect(try slice.loadAddress() == address)
    #expect(try slice.loadAddress() == nil)
    #expect(try slice.loadMaybeRef() == nil)
    #expect(try slice.loadMaybeRef() == Cell.empty)
    var comment = try slice.loadEitherCell().beginParse()
    #expect(try comment.loadTextComment() == "hi")
  }

  @Test("anycast, addr_var and external addresses are refused with a clear error")
  func unsupportedAddresses() throws {
    for prefix: UInt64 in [0b101, 0b11, 0b01] {
      var builder = CellBuilder()
      try builder.storeUInt(prefix, bits: prefix == 0b101 ? 3 : 2)
      try builder.storeUInt(0, bits: 64)
      var slice = try builder.endCell().beginParse()
      #expect(throws: TONError(.unsupportedAddress, "")) { try slice.loadAddress() }
    }
  }

  @Test("long snake strings span several cells and read back")
  func snakeStrings() throws {
    let text = String(repeating: "Cocoon ✓ ", count: 120)
    let cell = try Cell.textComment(text)
    #expect(cell.depth >= 2)
    var slice = cell.beginParse()
    #expect(try slice.loadTextComment() == text)
  }

  @Test("exotic cells are validated")
  func exoticValidation() throws {
    #expect(throws: TONError(.invalidCell, "")) { try Cell(exoticData: [1, 0, 0], bitCount: 24) }
    #expect(throws: TONError(.invalidCell, "")) { try Cell(exoticData: [9], bitCount: 8) }
    var library = CellBuilder()
    try library.storeUInt(2, bits: 8)
    try library.storeBytes([UInt8](repeating: 7, count: 32))
    let cell = try library.endExoticCell()
    #expect(cell.kind == .libraryReference)
    #expect(try Cell.fromBoC(cell.toBoC()) == cell)
  }

  @Test("several roots round-trip through a bag of cells")
  func multipleRoots() throws {
    let a = try Cell.textComment("a")
    let b = try Cell.textComment("b")
    let roots = try BagOfCells.deserialize(BagOfCells.serialize(roots: [b, a], options: .init(hasCRC32C: true)))
    #expect(roots == [b, a])
  }
}

@Suite("HashmapE dictionaries")
struct HashmapETests {
  @Test("set, get, delete and iterate with n-bit keys survive serialization", arguments: [1, 8, 32, 267])
  func roundTrip(keyBits: Int) throws {
    var dictionary = try HashmapE(keyBits: keyBits)
    let count = keyBits == 1 ? 2 : 40
    var expected = [BitString: UInt64]()
    for index in 0..<count {
      let key = try BitString(BigUInt(index * 7919) % (BigUInt(1) << keyBits), bits: keyBits)
      var value = CellBuilder()
      try value.storeUInt(UInt64(index), bits: 16)
      try dictionary.set(key, try value.endCell())
      expected[key] = UInt64(index)
    }
    let removed = expected.keys.sorted()[0]
    #expect(try dictionary.delete(removed) != nil)
    expected[removed] = nil
    var builder = CellBuilder()
    try dictionary.store(into: &builder)
    var slice = try builder.endCell().beginParse()
    let parsed = try HashmapE.load(from: &slice, keyBits: keyBits)
    #expect(parsed.count == expected.count)
    #expect(parsed.sorted.map(\.key) == expected.keys.sorted())
    for (key, value) in parsed.sorted {
      var reader = value.beginParse()
      #expect(try reader.loadUInt(bits: 16) == expected[key])
      #expect(try parsed.get(key) == value)
    }
  }

  @Test("keys of the wrong width are refused")
  func wrongWidth() throws {
    let dictionary = try HashmapE(keyBits: 8)
    #expect(throws: TONError(.dictionary, "")) { try dictionary.get(BitString(5, bits: 4)) }
  }
}
