import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationTDX

/// Random and mutated quotes must never crash or hang the parser or the verifier.
@Suite("TDX parser fuzzing")
struct TDXFuzzTests {
  /// A small deterministic generator (SplitMix64) so failures reproduce.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func mutate(_ seed: [UInt8], _ generator: inout Generator) -> [UInt8] {
    var bytes = seed
    switch Int.random(in: 0..<4, using: &generator) {
    case 0:  // flip some bytes
      for _ in 0..<Int.random(in: 1...8, using: &generator) where !bytes.isEmpty {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
      }
    case 1:  // truncate
      bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
    case 2:  // overwrite a length field with a large value
      let offsets = [48, 50, 632, 634, 636 + 128, 636 + 130, 636 + 134 + 384 + 64]
      let offset = offsets[Int.random(in: 0..<offsets.count, using: &generator)]
      if offset + 4 <= bytes.count {
        for i in 0..<4 { bytes[offset + i] = UInt8.random(in: 0...255, using: &generator) }
      }
    default:  // random bytes with a valid-looking header
      bytes = (0..<Int.random(in: 0...6000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
      if bytes.count >= 8 { bytes.replaceSubrange(0..<8, with: [4, 0, 2, 0, 0x81, 0, 0, 0]) }
    }
    return bytes
  }

  @Test("thousands of mutated v4/v5 quotes (2,500) parse or fail cleanly")
  func mutatedQuotes() throws {
    let seeds = [[UInt8](try TDXFixtures.quoteV4()), [UInt8](try TDXFixtures.quoteV5())]
    var generator = Generator(state: 0xC0C0)
    var parsed = 0
    for iteration in 0..<2500 {
      let input = Self.mutate(seeds[iteration % 2], &generator)
      if (try? TDXQuote(Data(input))) != nil { parsed += 1 }
    }
    #expect(parsed > 0)
  }

  @Test("mutated quotes through the full verifier are refused without crashing")
  func mutatedVerification() throws {
    let collateral = try PreparedTDXCollateral(try TDXFixtures.collateralV4())
    let seed = [UInt8](try TDXFixtures.quoteV4())
    var generator = Generator(state: 0xBEEF)
    let verifier = TDXQuoteVerifier()
    let original = try verifier.verify(quote: Data(seed), collateral: collateral, at: TDXFixtures.v4Time)
    for _ in 0..<300 {
      let input = Self.mutate(seed, &generator)
      // Only bytes outside what signatures cover (e.g. PEM whitespace) may change and still verify; what is
      // signed, and the verdict, must then be the original's.
      if let verified = try? verifier.verify(quote: Data(input), collateral: collateral, at: TDXFixtures.v4Time) {
        #expect(verified.quote.signedBytes == original.quote.signedBytes)
        #expect(verified.quote.qeReportBytes == original.quote.qeReportBytes)
        #expect(verified.tcbStatus == original.tcbStatus)
      }
    }
  }

  @Test("random and mutated collateral is refused without crashing")
  func mutatedCollateral() throws {
    let original = try TDXFixtures.collateralV4()
    var generator = Generator(state: 0xFACE)
    for _ in 0..<60 {
      var collateral = original
      var crl = Array(collateral.pckCRL.utf8)
      crl[Int.random(in: 0..<crl.count, using: &generator)] = UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &generator)
      collateral.pckCRL = String(decoding: crl.prefix(Int.random(in: 0...crl.count, using: &generator)), as: UTF8.self)
      _ = try? PreparedTDXCollateral(collateral)
    }
  }
}
