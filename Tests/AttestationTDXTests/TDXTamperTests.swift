import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationTDX

/// One changed byte anywhere that matters must refuse the v4 quote, each for its own reason.
@Suite("TDX tampering is refused")
struct TDXTamperTests {
  // Offsets in a v4 quote: header 48, body 584, signature data size 4, then signature data.
  static let signatureOffset = 48 + 584 + 4
  static let qeReportOffset = signatureOffset + 64 + 64 + 2 + 4
  static let reportDataOffset = 48 + 520

  func verify(_ quote: Data, collateral: TDXCollateral? = nil, at time: Date = TDXFixtures.v4Time) throws {
    let prepared = try PreparedTDXCollateral(try collateral ?? TDXFixtures.collateralV4())
    _ = try TDXQuoteVerifier().verify(quote: quote, collateral: prepared, at: time)
  }

  func flipped(_ data: Data, at offset: Int) -> Data {
    var copy = data
    copy[copy.startIndex + offset] ^= 0x01
    return copy
  }

  func failure(_ body: () throws -> Void) -> TDXVerificationFailure? {
    #expect(throws: TDXVerificationFailure.self) { try body() }
    do { try body() } catch let error as TDXVerificationFailure { return error } catch {}
    return nil
  }

  @Test("a flipped byte in the quote signature")
  func quoteSignature() throws {
    let quote = flipped(try TDXFixtures.quoteV4(), at: Self.signatureOffset + 5)
    #expect(failure { try verify(quote) }?.check == .quoteSignature)
  }

  @Test("a flipped byte in the QE report")
  func qeReport() throws {
    let quote = flipped(try TDXFixtures.quoteV4(), at: Self.qeReportOffset + 20)
    #expect(failure { try verify(quote) }?.check == .qeReportSignature)
  }

  @Test("a changed byte in the PCK certificate")
  func pckCertificate() throws {
    var quote = try TDXFixtures.quoteV4()
    let marker = Data("-----BEGIN CERTIFICATE-----\n".utf8)
    let start = try #require(quote.range(of: marker)).upperBound
    // A base64 character in the middle of the leaf's TBS: 'A' <-> 'B' changes one bit of the DER.
    let index = start + 300
    quote[index] = quote[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    #expect(failure { try verify(quote) }?.check == .pckChain)
  }

  @Test("a changed byte in the TCB info JSON")
  func tcbInfo() throws {
    var collateral = try TDXFixtures.collateralV4()
    collateral.tcbInfo = collateral.tcbInfo.replacingOccurrences(
      of: "\"tcbEvaluationDataNumber\":17", with: "\"tcbEvaluationDataNumber\":18")
    #expect(failure { try verify(try TDXFixtures.quoteV4(), collateral: collateral) }?.check == .tcbInfo)
  }

  @Test("a flipped byte in the report data, and report data other than expected")
  func reportData() async throws {
    let quote = flipped(try TDXFixtures.quoteV4(), at: Self.reportDataOffset)
    #expect(failure { try verify(quote) }?.check == .quoteSignature)
    let verifier = try TDXVerifier(collateral: try TDXFixtures.collateralV4())
    let original = try TDXQuote(try TDXFixtures.quoteV4())
    var expected = Data(original.body.reportData)
    expected[0] ^= 0x01
    let error = #expect(throws: CocoonError.self) {
      try verifier.verifySync(Evidence(kind: .tdx, payload: try TDXFixtures.quoteV4()), reportData: expected, now: TDXFixtures.v4Time)
    }
    #expect(error?.reason.contains("(report-data)") == true)
  }

  @Test("expired collateral")
  func expiredCollateral() throws {
    let afterNextUpdate = try #require(IntelDate.parse("2025-07-20T00:00:00Z"))
    #expect(failure { try verify(try TDXFixtures.quoteV4(), at: afterNextUpdate) }?.check == .collateralExpired)
    let beforeIssue = try #require(IntelDate.parse("2025-06-01T00:00:00Z"))
    #expect(failure { try verify(try TDXFixtures.quoteV4(), at: beforeIssue) }?.check == .collateralExpired)
  }

  @Test("a truncated quote is a parse failure, not a crash")
  func truncated() throws {
    let quote = try TDXFixtures.quoteV4().prefix(700)
    #expect(failure { try verify(Data(quote)) }?.check == .parse)
  }
}
