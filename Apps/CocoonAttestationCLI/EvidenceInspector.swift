import CocoonAttestationSEVSNP
import CocoonAttestationTDX
import CocoonCore
import Foundation

/// Verifies one piece of evidence for an operator and reports everything it can read, verified or not.
struct EvidenceInspector {
  var collateral: TDXCollateral?
  var snpChain: SNPCertificateChain?
  var allowDebug = false
  var now: Date

  func inspect(_ payload: Data) -> VerificationReport {
    var report = VerificationReport()
    switch EvidenceFile.detectKind(payload) {
    case .tdx?: inspectTDX(payload, into: &report)
    case .sevSNP?: inspectSNP(payload, into: &report)
    case .insecure?:
      report.tee = TEEKind.insecure.rawValue
      report.reportData = payload.hexString
      report.reason = "insecure evidence (the report data itself) proves nothing and never verifies"
    default:
      report.reason = "not a TDX quote (v4/v5), a SEV-SNP report (1184 bytes) or insecure evidence (64 bytes)"
    }
    return report
  }

  private func inspectTDX(_ payload: Data, into report: inout VerificationReport) {
    report.tee = TEEKind.tdx.rawValue
    do throws(CocoonError) {
      let quote = try TDXQuote(payload)
      report.fill(
        imageHash: TDXIdentity.imageHash(quote.body), reportData: Data(quote.body.reportData),
        measurements: TDXIdentity.measurements(quote.body))
      guard let collateral else {
        report.reason = "no collateral: pass --collateral FILE (the JSON shape of TDXCollateral)"
        return
      }
      let verifier = try TDXVerifier(collateral: collateral, allowDebug: allowDebug)
      let verified = try verifier.verifySync(Evidence(kind: .tdx, payload: payload), reportData: nil, now: now)
      report.verified = true
      report.tcbStatus = verified.tcbStatus.rawValue
      report.advisories = verified.advisories
    } catch {
      report.reason = error.reason
    }
  }

  private func inspectSNP(_ payload: Data, into report: inout VerificationReport) {
    report.tee = TEEKind.sevSNP.rawValue
    do throws(CocoonError) {
      let parsed = try SNPReport(payload)
      report.fill(
        imageHash: SNPIdentity.imageHash(parsed), reportData: parsed.reportData,
        measurements: SNPIdentity.measurements(parsed))
      guard let snpChain else {
        report.reason = "no VCEK chain: pass --vcek FILE --chain FILE (VCEK, then ASK and ARK)"
        return
      }
      let verifier = SNPVerifier(
        reportVerifier: SNPReportVerifier(allowDebug: allowDebug), fallbackChain: snpChain)
      let verified = try verifier.verifySync(Evidence(kind: .sevSNP, payload: payload), reportData: nil, now: now)
      report.verified = true
      report.tcbStatus = verified.tcbStatus.rawValue
    } catch {
      report.reason = error.reason
    }
  }
}
