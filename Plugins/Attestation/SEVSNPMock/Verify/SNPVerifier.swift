public import CocoonCore
public import Foundation

/// The SEV-SNP ``AttestationVerifier``: the chain comes from the evidence's `auxiliary`, or from a configured
/// chain when the evidence carries none.
public struct SNPVerifier: AttestationVerifier {
  public var kind: TEEKind { .sevSNP }
  public var reportVerifier: SNPReportVerifier
  /// Used when evidence has no certificates of its own.
  public var fallbackChain: SNPCertificateChain?

  public init(reportVerifier: SNPReportVerifier, fallbackChain: SNPCertificateChain? = nil) {
    self.reportVerifier = reportVerifier
    self.fallbackChain = fallbackChain
  }

  public func verify(_ evidence: Evidence, reportData: Data, now: Date) async throws -> AttestedIdentity {
    try verifySync(evidence, reportData: reportData, now: now).identity
  }

  /// Verifies without suspending; `reportData` nil skips the binding check (the CLI).
  public func verifySync(_ evidence: Evidence, reportData: Data?, now: Date) throws(CocoonError) -> SNPVerifiedReport {
    guard evidence.kind == .sevSNP else {
      throw CocoonError(.attestationFailed, "SEV-SNP verifier: evidence is '\(evidence.kind)', not sev-snp")
    }
    let chain: SNPCertificateChain
    if !evidence.auxiliary.isEmpty {
      chain = try SNPCertificateChain(encoded: evidence.auxiliary)
    } else if let fallbackChain {
      chain = fallbackChain
    } else {
      throw CocoonError(.attestationFailed, "SEV-SNP verifier: no VCEK chain: the evidence carries none and none is configured")
    }
    do throws(SNPVerificationFailure) {
      let verified = try reportVerifier.verify(report: evidence.payload, chain: chain, at: now)
      if let reportData, verified.report.reportData != reportData {
        throw SNPVerificationFailure(.reportData, "the report's report data does not match the expected report data")
      }
      return verified
    } catch {
      throw error.cocoonError
    }
  }
}
