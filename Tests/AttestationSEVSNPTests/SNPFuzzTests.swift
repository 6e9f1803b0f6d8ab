import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationSEVSNP

/// Random and mutated reports and certificate chains must never crash or hang the SEV-SNP parser or verifier.
@Suite("SEV-SNP parser fuzzing")
struct SNPFuzzTests {
  @Test("thousands of mutated reports are parsed or refused cleanly, never accepted")
  func mutatedReports() throws {
    let seed = [UInt8](try SNPFixtures.report())
    let chain = try SNPFixtures.chain()
    let verifier = SNPReportVerifier(allowDebug: true)
    var generator = SystemRandomNumberGenerator()
    for iteration in 0..<2000 {
      var bytes = seed
      if iteration % 10 == 0 {
        bytes = (0..<Int.random(in: 0...1300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
      } else {
        // Change 1-4 signed bytes: every such change must be refused.
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          let index = Int.random(in: 0..<0x2A0, using: &generator)
          bytes[index] = bytes[index] &+ UInt8.random(in: 1...255, using: &generator)
        }
      }
      _ = try? SNPReport(Data(bytes))
      if iteration % 20 == 0 {
        #expect(throws: SNPVerificationFailure.self) { try verifier.verify(report: Data(bytes), chain: chain, at: SNPFixtures.now) }
      }
    }
  }

  @Test("mutated certificate bytes are refused or rejected cleanly")
  func mutatedCertificates() throws {
    let vcek = [UInt8](try SNPFixtures.data("vcek.testcer"))
    let rest = try SNPCertificateChain(encoded: try SNPFixtures.data("milan.testcer"))
    let verifier = SNPReportVerifier(allowDebug: true)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var bytes = vcek
      let index = Int.random(in: 0..<bytes.count, using: &generator)
      bytes[index] = bytes[index] &+ UInt8.random(in: 1...255, using: &generator)
      guard let mutated = try? SNPCertificateChain(encoded: Data(bytes)) else { continue }
      #expect(throws: SNPVerificationFailure.self) {
        try verifier.verify(report: try SNPFixtures.report(), chain: mutated + rest, at: SNPFixtures.now)
      }
    }
  }
}
