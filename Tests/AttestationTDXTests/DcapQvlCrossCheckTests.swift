import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationTDX

/// Compares our parsing and verdicts with PyPI dcap-qvl's, recorded by `Tools/cross-check/dcap-qvl.sh` in
/// `Golden/dcap-qvl.json`.
@Suite("cross-check dcap-qvl")
struct DcapQvlCrossCheckTests {
  struct Golden: Decodable {
    struct Case: Decodable {
      var name: String
      var at: String
      var mrtd, rtmr0, rtmr1, rtmr2, rtmr3, mrConfigId, mrOwner, mrOwnerConfig: String
      var tdAttributes, xfam, teeTcbSvn, reportData: String
      var verified: Bool
      var status: String?
      var advisories: [String]?
      var error: String?
    }
    var version: String
    var cases: [Case]
  }

  static func golden() throws -> Golden {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/dcap-qvl.json")
    return try JSONDecoder().decode(Golden.self, from: try Data(contentsOf: url))
  }

  @Test("cross-check dcap-qvl: same measurements, report data and verdicts for both TDX fixtures")
  func crossCheck() throws {
    let golden = try Self.golden()
    #expect(golden.cases.count == 2)
    for expected in golden.cases {
      let quoteBytes = try TDXFixtures.data(expected.name + ".bin")
      let body = try TDXQuote(quoteBytes).body
      let fields: [(String, [UInt8], String)] = [
        ("mrtd", body.mrTD, expected.mrtd), ("rtmr0", body.rtmr0, expected.rtmr0),
        ("rtmr1", body.rtmr1, expected.rtmr1), ("rtmr2", body.rtmr2, expected.rtmr2),
        ("rtmr3", body.rtmr3, expected.rtmr3), ("mrConfigId", body.mrConfigID, expected.mrConfigId),
        ("mrOwner", body.mrOwner, expected.mrOwner), ("mrOwnerConfig", body.mrOwnerConfig, expected.mrOwnerConfig),
        ("tdAttributes", body.tdAttributes, expected.tdAttributes), ("xfam", body.xfam, expected.xfam),
        ("teeTcbSvn", body.teeTCBSVN, expected.teeTcbSvn), ("reportData", body.reportData, expected.reportData),
      ]
      for (name, ours, theirs) in fields {
        #expect(Data(ours).hexString == theirs, "\(expected.name): \(name)")
      }
      let collateral = try PreparedTDXCollateral(
        try TDXCollateral(json: try TDXFixtures.data(expected.name + ".collateral.json")))
      let at = try #require(IntelDate.parse(expected.at))
      do {
        let verified = try TDXQuoteVerifier().verify(quote: quoteBytes, collateral: collateral, at: at)
        #expect(expected.verified, "\(expected.name): dcap-qvl refused, we accepted")
        #expect(verified.tcbStatus.rawValue == expected.status)
        #expect(verified.advisories == (expected.advisories ?? []))
      } catch {
        #expect(!expected.verified, "\(expected.name): dcap-qvl accepted, we refused: \(error.reason)")
        let theirs = (expected.error ?? "").lowercased()
        #expect(theirs.contains("no matching tcb level") == error.reason.lowercased().contains("no matching tcb level"))
      }
    }
  }
}
