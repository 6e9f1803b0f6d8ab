import Foundation

@testable import CocoonAttestationSEVSNP

/// The real SEV-SNP evidence under `../shared/fixtures/sev-snp` (see its README).
enum SNPFixtures {
  static let directory: URL = {
    if let override = ProcessInfo.processInfo.environment["COCOON_FIXTURES"] {
      return URL(fileURLWithPath: override).appendingPathComponent("sev-snp")
    }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("shared/fixtures/sev-snp")
  }()

  static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

  static func report() throws -> Data { try data("attestation.bin") }

  /// VCEK (DER file) + ASK and ARK (PEM file).
  static func chain() throws -> SNPCertificateChain {
    try SNPCertificateChain(encoded: try data("vcek.testcer")) + SNPCertificateChain(encoded: try data("milan.testcer"))
  }

  /// Inside every certificate's validity period (the VCEK's runs 2022-09-24 to 2029-09-24).
  static let now = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
}
