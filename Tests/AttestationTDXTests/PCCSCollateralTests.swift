import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationTDX

/// Collateral fetched over HTTP from a PCCS made here on loopback, serving the v4 fixture's collateral in the
/// PCS v4 response shapes.
@Suite("TDX collateral from a PCCS")
struct PCCSCollateralTests {
  static func answers(_ collateral: TDXCollateral) -> [String: LoopbackPCCS.Answer] {
    func encoded(_ chain: String) -> String { chain.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
    return [
      "/tdx/certification/v4/tcb": .init(
        body: Array("{\"tcbInfo\":\(collateral.tcbInfo),\"signature\":\"\(collateral.tcbInfoSignature)\"}".utf8),
        headers: ["TCB-Info-Issuer-Chain": encoded(collateral.tcbInfoIssuerChain)]),
      "/tdx/certification/v4/qe/identity": .init(
        body: Array("{\"enclaveIdentity\":\(collateral.qeIdentity),\"signature\":\"\(collateral.qeIdentitySignature)\"}".utf8),
        headers: ["SGX-Enclave-Identity-Issuer-Chain": encoded(collateral.qeIdentityIssuerChain)]),
      "/sgx/certification/v4/pckcrl": .init(
        body: [UInt8](Data(hexString: collateral.pckCRL)!), headers: ["SGX-PCK-CRL-Issuer-Chain": encoded(collateral.pckCRLIssuerChain)]),
      "/sgx/certification/v4/rootcacrl": .init(body: Array(collateral.rootCACRL.utf8)),
    ]
  }

  @Test("fetched collateral verifies the v4 quote; memory and disk caches are used until nextUpdate")
  func fetchAndCache() async throws {
    let server = try await LoopbackPCCS(answers: Self.answers(try TDXFixtures.collateralV4()))
    let cache = NSTemporaryDirectory() + "cocoon-pccs-\(UInt64.random(in: 0...UInt64.max))"
    defer { try? FileManager.default.removeItem(atPath: cache) }
    do {
      let quote = try TDXQuote(try TDXFixtures.quoteV4())
      let source = PCCSCollateralSource(baseURL: server.baseURL, cacheDirectory: cache)
      let collateral = try await source.collateral(for: quote, now: TDXFixtures.v4Time)
      let verified = try TDXQuoteVerifier().verify(quote: try TDXFixtures.quoteV4(), collateral: collateral, at: TDXFixtures.v4Time)
      #expect(verified.tcbStatus == .upToDate)
      #expect(server.requests.count == 4)
      #expect(server.requests.contains("/tdx/certification/v4/tcb?fmspc=B0C06F000000"))
      #expect(server.requests.contains("/sgx/certification/v4/pckcrl?ca=platform&encoding=der"))

      _ = try await source.collateral(for: quote, now: TDXFixtures.v4Time)
      let fresh = PCCSCollateralSource(baseURL: server.baseURL, cacheDirectory: cache)
      _ = try await fresh.collateral(for: quote, now: TDXFixtures.v4Time)
      #expect(server.requests.count == 4, "served from memory, then from disk")

      let later = try #require(IntelDate.parse("2025-07-25T00:00:00Z"))
      _ = try await fresh.collateral(for: quote, now: later)
      #expect(server.requests.count == 8, "past nextUpdate the collateral is fetched again")
    } catch {
      try await server.shutdown()
      throw error
    }
    try await server.shutdown()
  }

  @Test("a PCCS that lacks an answer gives a clear error")
  func missingAnswer() async throws {
    var answers = Self.answers(try TDXFixtures.collateralV4())
    answers["/tdx/certification/v4/qe/identity"] = nil
    let server = try await LoopbackPCCS(answers: answers)
    let source = PCCSCollateralSource(baseURL: server.baseURL, cacheDirectory: nil)
    let error = await #expect(throws: CocoonError.self) {
      _ = try await source.collateral(for: try TDXQuote(try TDXFixtures.quoteV4()), now: TDXFixtures.v4Time)
    }
    #expect(error?.reason.contains("404") == true)
    try await server.shutdown()
  }

  @Test("raw JSON objects are cut out byte for byte")
  func rawJSON() {
    let text = Array(#"{"a":"x{\"}","tcbInfo": {"k":"}{","n":[1,{"m":2}]} ,"signature":"ab"}"#.utf8)
    let object = RawJSON.objectText(forKey: "tcbInfo", in: text).map { String(decoding: $0, as: UTF8.self) }
    #expect(object == #"{"k":"}{","n":[1,{"m":2}]}"#)
    #expect(RawJSON.objectText(forKey: "missing", in: text) == nil)
  }
}
