import CocoonAttestationInsecure
import CocoonAttestationSEVSNP
import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationCLI

@Suite("attest helper")
struct AttestHelperTests {
  @Test("insecure provider: 64 bytes of hex give the evidence hex")
  func insecure() async throws {
    let hex = String(repeating: "ab", count: 64)
    #expect(try await AttestHelper.evidenceHex(provider: InsecureProvider(), reportDataHex: hex) == hex)
    #expect(try await AttestHelper.evidenceHex(provider: InsecureProvider(), reportDataHex: "0x" + hex.uppercased()) == hex)
  }

  @Test("malformed or wrong-length report data is refused with a clear reason")
  func invalid() async throws {
    for bad in ["zz", String(repeating: "ab", count: 63), String(repeating: "ab", count: 65), "abc"] {
      let error = await #expect(throws: CocoonError.self) {
        _ = try await AttestHelper.evidenceHex(provider: InsecureProvider(), reportDataHex: bad)
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.reason.contains("64 bytes") == true || error?.reason.contains("hexadecimal") == true)
    }
  }

  @Test("sev-snp-mock provider: the printed evidence is a report the verify command reads")
  func snpMock() async throws {
    let directory = NSTemporaryDirectory() + "cocoon-attest-\(UInt64.random(in: 0...UInt64.max))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let authority = try MockSNPAuthority.loadOrCreate(stateDirectory: directory)
    let provider = MockSNPProvider(authority: authority, measurement: Data(count: 48))
    let hex = try await AttestHelper.evidenceHex(provider: provider, reportDataHex: String(repeating: "01", count: 64))
    let payload = EvidenceFile.decode(Data(hex.utf8))
    #expect(payload.count == 1184)
    let report = EvidenceInspector(snpChain: nil, now: Date()).inspect(payload)
    #expect(report.tee == "sev-snp")
    #expect(report.reportData == String(repeating: "01", count: 64))
    #expect(report.verified == false)
  }
}
