import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationTDX

@Suite("TDX quote verification of the real fixtures")
struct TDXFixtureVerificationTests {
  @Test("v4 quote verifies: UpToDate, no advisories")
  func v4Verifies() throws {
    let collateral = try PreparedTDXCollateral(try TDXFixtures.collateralV4())
    let verified = try TDXQuoteVerifier().verify(quote: try TDXFixtures.quoteV4(), collateral: collateral, at: TDXFixtures.v4Time)
    #expect(verified.tcbStatus == .upToDate)
    #expect(verified.advisories.isEmpty)
    #expect(verified.quote.version == 4)
    #expect(verified.identity.imageHash.count == 32)
  }

  @Test("v5 quote (TD 1.5 body) is refused: no matching TCB level")
  func v5Refused() throws {
    let collateral = try PreparedTDXCollateral(try TDXFixtures.collateralV5())
    let quote = try TDXQuote(try TDXFixtures.quoteV5())
    #expect(quote.version == 5)
    #expect(quote.body.mrServiceTD != nil)
    let error = #expect(throws: TDXVerificationFailure.self) {
      try TDXQuoteVerifier().verify(quote: try TDXFixtures.quoteV5(), collateral: collateral, at: TDXFixtures.v5Time)
    }
    #expect(error?.check == .noMatchingTCBLevel)
    #expect(error?.reason.contains("no matching TCB level") == true)
  }

  @Test("the AttestationVerifier binds report data and uses collateral carried in the evidence")
  func verifierBindsReportData() async throws {
    let quote = try TDXQuote(try TDXFixtures.quoteV4())
    let collateral = try TDXFixtures.collateralV4()
    let evidence = Evidence(kind: .tdx, payload: try TDXFixtures.quoteV4(), auxiliary: collateral.jsonData())
    let verifier = try TDXVerifier(collateral: nil)
    let identity = try await verifier.verify(evidence, reportData: Data(quote.body.reportData), now: TDXFixtures.v4Time)
    #expect(identity.tee == .tdx)
    #expect(identity.measurements["mrtd"] == Data(quote.body.mrTD))
    let error = await #expect(throws: CocoonError.self) {
      try await verifier.verify(evidence, reportData: Data(repeating: 7, count: 64), now: TDXFixtures.v4Time)
    }
    #expect(error?.reason.contains("report-data") == true)
  }

  @Test("no collateral at all is a clear refusal")
  func missingCollateral() async throws {
    let verifier = try TDXVerifier(collateral: nil)
    let evidence = Evidence(kind: .tdx, payload: try TDXFixtures.quoteV4())
    let error = await #expect(throws: CocoonError.self) {
      try await verifier.verify(evidence, reportData: Data(count: 64), now: TDXFixtures.v4Time)
    }
    #expect(error?.reason.contains("no collateral") == true)
  }

  @Test("outside a TD the provider names what is missing")
  func providerOutsideTD() async throws {
    let provider = TDXAttestationProvider(configFSRoot: "/nonexistent/tsm", devicePath: "/nonexistent/tdx_guest")
    let error = await #expect(throws: CocoonError.self) { try await provider.evidence(reportData: Data(count: 64)) }
    #expect(error?.code == .unavailable)
    #expect(error?.reason.contains("/nonexistent/tsm") == true)
  }
}
