import Foundation
import Testing

@testable import TON

/// Mutated bags of cells and addresses must end in a value or a typed ``TONError``: no crash, no hang.
@Suite("Fuzz: mutated BoCs and addresses")
struct FuzzTests {
  /// A small deterministic generator (SplitMix64) so failures reproduce.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func mutate(_ input: [UInt8], using rng: inout SplitMix) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
      guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &rng)] }
      let index = Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<7, using: &rng) {
      case 0: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
      case 1: bytes[index] = UInt8.random(in: 0...255, using: &rng)
      case 2: bytes.removeSubrange(index...)
      case 3: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: index)
      case 4: bytes.remove(at: index)
      case 5: bytes[min(index, 12) % bytes.count] = [0, 1, 0x7F, 0x80, 0xFF].randomElement(using: &rng)!
      default: bytes.append(contentsOf: bytes[index...].prefix(8))
      }
    }
    return bytes
  }

  @Test("10,000 mutated bags of cells give cells or typed errors", arguments: 0..<4)
  func mutatedBoCs(shard: Int) throws {
    var rng = SplitMix(state: UInt64(shard) &* 7919 &+ 1)
    let corpus = try Fixtures.cells.prefix(400).map { vector in
      try #require(ByteEncoding.bytes(base64: Bool.random(using: &rng) ? vector.crc : vector.boc))
    }
    let start = Date()
    var outcomes = [String: Int]()
    for _ in 0..<2_500 {
      let input = Self.mutate(corpus.randomElement(using: &rng)!, using: &rng)
      do {
        _ = try BagOfCells.deserialize(input)
        outcomes["ok", default: 0] += 1
      } catch let error as TONError {
        outcomes[error.code.description, default: 0] += 1
      }
    }
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(outcomes.values.reduce(0, +) == 2_500)
    #expect(outcomes.count > 3, "mutations should reach several error kinds: \(outcomes)")
  }

  @Test("hand-made malformed bags of cells give the named error")
  func namedErrors() throws {
    let good = Fixtures.cells.first { $0.cellCount >= 3 }!
    let bytes = try #require(ByteEncoding.bytes(base64: good.crc))
    func code(_ input: [UInt8]) -> TONError.Code? {
      do { _ = try BagOfCells.deserialize(input); return nil } catch let error as TONError { return error.code } catch { return nil }
    }
    #expect(code(Array(bytes.prefix(10))) == .bocTruncated)
    #expect(code([0xDE, 0xAD, 0xBE, 0xEF] + bytes[4...]) == .bocBadMagic)
    var badCRC = bytes
    badCRC[badCRC.count - 1] ^= 1
    #expect(code(badCRC) == .bocBadCRC)
    // one cell referring to itself: b5ee9c72 01 01 | 1 cell, 1 root, 0 absent | 3 bytes | root 0 | d1=1 d2=0 ref=0
    #expect(code([0xB5, 0xEE, 0x9C, 0x72, 0x01, 0x01, 0x01, 0x01, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00]) == .bocCycle)
    // a reference to cell 5 of 1
    #expect(code([0xB5, 0xEE, 0x9C, 0x72, 0x01, 0x01, 0x01, 0x01, 0x00, 0x03, 0x00, 0x01, 0x00, 0x05]) == .bocReferenceOutOfRange)
    // a chain deeper than the configured limit
    var chain = Cell.empty
    for _ in 0..<20 {
      var builder = CellBuilder()
      try builder.storeRef(chain)
      chain = try builder.endCell()
    }
    let deep = chain.toBoC()
    #expect(throws: TONError(.bocTooDeep, "")) { try BagOfCells.deserialize(deep, limits: .init(maxDepth: 10)) }
    #expect(throws: TONError(.bocLimitExceeded, "")) { try BagOfCells.deserialize(deep, limits: .init(maxCells: 5)) }
    #expect(throws: TONError(.bocLimitExceeded, "")) { try BagOfCells.deserialize(deep, limits: .init(maxBytes: 16)) }
  }

  @Test("10,000 mutated addresses parse or give invalid-address errors")
  func mutatedAddresses() throws {
    var rng = SplitMix(state: 42)
    let corpus = Fixtures.addresses.prefix(100).flatMap { [$0.raw] + Array($0.forms.values) }
    var accepted = 0
    for _ in 0..<10_000 {
      let text = String(decoding: Self.mutate(Array(corpus.randomElement(using: &rng)!.utf8), using: &rng), as: UTF8.self)
      do {
        _ = try Address.parse(text)
        accepted += 1
      } catch let error as TONError {
        #expect(error.code == .invalidAddress)
      }
    }
    #expect(accepted < 10_000)
  }
}
