import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationSEVSNP

@Suite("SEV-SNP verification of the real report")
struct SNPRealReportTests {
  @Test("the real report verifies with its VCEK, ASK and AMD's Milan ARK (its policy allows debug)")
  func realReportVerifies() throws {
    let verifier = SNPReportVerifier(allowDebug: true)
    let verified = try verifier.verify(report: try SNPFixtures.report(), chain: try SNPFixtures.chain(), at: SNPFixtures.now)
    #expect(verified.report.version == 2)
    #expect(verified.report.reportedTCB.snp == 5)
    #expect(verified.identity.imageHash.count == 32)
    #expect(verified.identity.measurements["measurement"] == verified.report.measurement)
  }

  @Test("by default the real report is refused: its guest policy has the debug bit")
  func debugRefusedByDefault() throws {
    let error = #expect(throws: SNPVerificationFailure.self) {
      try SNPReportVerifier().verify(report: try SNPFixtures.report(), chain: try SNPFixtures.chain(), at: SNPFixtures.now)
    }
    #expect(error?.check == .debug)
  }

  @Test("a flipped measurement byte fails the signature")
  func flippedMeasurement() throws {
    var report = try SNPFixtures.report()
    report[0x90 + 7] ^= 0x01
    let error = #expect(throws: SNPVerificationFailure.self) {
      try SNPReportVerifier(allowDebug: true).verify(report: report, chain: try SNPFixtures.chain(), at: SNPFixtures.now)
    }
    #expect(error?.check == .signature)
  }

  @Test("an untrusted ARK, a missing ASK, a time outside validity: each refused by the chain check")
  func chainFailures() throws {
    let verifier = SNPReportVerifier(allowDebug: true)
    var untrusted = verifier
    untrusted.trustedARKs = []
    #expect(throws: SNPVerificationFailure(.chain, "")) {
      try untrusted.verify(report: try SNPFixtures.report(), chain: try SNPFixtures.chain(), at: SNPFixtures.now)
    }
    let vcekOnly = try SNPCertificateChain(encoded: try SNPFixtures.data("vcek.testcer"))
    #expect(throws: SNPVerificationFailure(.chain, "")) {
      try verifier.verify(report: try SNPFixtures.report(), chain: vcekOnly, at: SNPFixtures.now)
    }
    let late = Date(timeIntervalSince1970: 2_000_000_000)  // 2033
    #expect(throws: SNPVerificationFailure(.chain, "")) {
      try verifier.verify(report: try SNPFixtures.report(), chain: try SNPFixtures.chain(), at: late)
    }
  }

  @Test("a wrong size is a parse failure")
  func wrongSize() throws {
    #expect(throws: SNPVerificationFailure(.parse, "")) {
      try SNPReportVerifier().verify(report: Data(count: 100), chain: try SNPFixtures.chain(), at: SNPFixtures.now)
    }
  }
}
