public import CocoonCore
import Crypto
public import Foundation
import SwiftASN1

/// A report that verified, with the TCB status concluded.
public struct SNPVerifiedReport: Sendable {
  public var report: SNPReport
  public var tcbStatus: TCBStatus
  public var identity: AttestedIdentity { SNPIdentity.identity(report, status: tcbStatus) }
}

/// Verifies SEV-SNP attestation reports, real or mock: VCEK signature, VCEK → ASK → ARK chain to a trusted ARK,
/// the VCEK's TCB and chip id against the report, the debug policy bit.
public struct SNPReportVerifier: Sendable {
  /// SHA-256 of the trusted ARKs' SubjectPublicKeyInfo.
  public var trustedARKs: Set<Data>
  /// Whether guests whose policy allows debugging are accepted.
  public var allowDebug: Bool
  /// Reports whose reported TCB is below this (any component) get status `OutOfDate`; nil accepts any.
  public var minimumTCB: SNPTCBVersion?

  /// - Parameter trustedARKs: extra ARK key hashes (e.g. the mock's) besides AMD's Milan and Genoa ARKs.
  public init(trustedARKs: Set<Data> = [], allowDebug: Bool = false, minimumTCB: SNPTCBVersion? = nil) {
    self.trustedARKs = AMDRootKeys.all.union(trustedARKs)
    self.allowDebug = allowDebug
    self.minimumTCB = minimumTCB
  }

  /// The key hash a trusted-ARK set uses for `chain`'s last certificate.
  public static func keyHash(ofRootIn chain: SNPCertificateChain) -> Data? {
    chain.certificates.last.map { Data(SHA256.hash(data: $0.subjectPublicKeyInfo)) }
  }

  /// Verifies `reportBytes` with `chain` (VCEK, ASK, ARK) as of `now`.
  /// - Throws: ``SNPVerificationFailure`` naming the check that failed.
  public func verify(
    report reportBytes: Data, chain: SNPCertificateChain, at now: Date
  ) throws(SNPVerificationFailure) -> SNPVerifiedReport {
    let report: SNPReport
    do { report = try SNPReport(reportBytes) } catch { throw SNPVerificationFailure(.parse, error.reason) }
    guard report.signatureAlgorithm == 1 else {
      throw SNPVerificationFailure(.parse, "signature algorithm \(report.signatureAlgorithm); accepted: 1 (ECDSA P-384/SHA-384)")
    }
    let vcek = try validate(chain, at: now)
    guard let key = try? P384.Signing.PublicKey(derRepresentation: vcek.subjectPublicKeyInfo),
      let rs = report.signatureRS(width: 48),
      let signature = try? P384.Signing.ECDSASignature(rawRepresentation: rs),
      key.isValidSignature(signature, for: SHA384.hash(data: report.signedBytes))
    else {
      throw SNPVerificationFailure(.signature, "the report signature is not valid for the VCEK")
    }
    try checkTCB(report, vcek: vcek)
    guard allowDebug || !report.isDebugAllowed else {
      throw SNPVerificationFailure(.debug, "the guest policy allows debugging (bit 19), which is refused unless allowed")
    }
    var status = TCBStatus.upToDate
    if let minimum = minimumTCB {
      let tcb = report.reportedTCB
      if tcb.bootLoader < minimum.bootLoader || tcb.tee < minimum.tee || tcb.snp < minimum.snp
        || tcb.microcode < minimum.microcode
      {
        status = .outOfDate
      }
    }
    return SNPVerifiedReport(report: report, tcbStatus: status)
  }

  /// Checks VCEK ← ASK ← ARK, the ARK trusted and self-signed, every certificate valid at `now`.
  private func validate(_ chain: SNPCertificateChain, at now: Date) throws(SNPVerificationFailure) -> SNPCertificate {
    let certificates = chain.certificates
    guard certificates.count == 3 else {
      throw SNPVerificationFailure(.chain, "\(certificates.count) certificate(s); VCEK, ASK and ARK are required")
    }
    let (vcek, ask, ark) = (certificates[0], certificates[1], certificates[2])
    guard trustedARKs.contains(Data(SHA256.hash(data: ark.subjectPublicKeyInfo))) else {
      throw SNPVerificationFailure(.chain, "the ARK is not a trusted root (AMD Milan/Genoa or a configured one)")
    }
    for (name, certificate, issuer) in [("ARK", ark, ark), ("ASK", ask, ark), ("VCEK", vcek, ask)] {
      guard certificate.issuer == issuer.subject, certificate.isSigned(by: issuer) else {
        throw SNPVerificationFailure(.chain, "the \(name) certificate is not signed by its issuer")
      }
      guard certificate.notBefore <= now, now <= certificate.notAfter else {
        throw SNPVerificationFailure(.chain, "the \(name) certificate is outside its validity period at \(now)")
      }
    }
    return vcek
  }

  /// The VCEK is derived for one TCB and one chip: its extensions must name the report's.
  private func checkTCB(_ report: SNPReport, vcek: SNPCertificate) throws(SNPVerificationFailure) {
    let tcb = report.reportedTCB
    let expected: [(String, UInt, UInt8)] = [
      ("boot loader", 1, tcb.bootLoader), ("TEE", 2, tcb.tee), ("SNP", 3, tcb.snp), ("microcode", 8, tcb.microcode),
    ]
    for (name, arc, value) in expected {
      guard vcek.integerExtension(SNPOIDs.tcb(arc)) == Int(value) else {
        throw SNPVerificationFailure(.tcb, "the reported TCB's \(name) SVN \(value) is not the VCEK's")
      }
    }
    let chip = Array(report.chipID)
    let hardwareID = vcek.extensions[SNPOIDs.hardwareID]
    guard report.isChipIDMasked || hardwareID == chip || vcek.bytesExtension(SNPOIDs.hardwareID) == chip else {
      throw SNPVerificationFailure(.tcb, "the report's chip id is not the VCEK's hardware id")
    }
  }
}

/// AMD's VCEK extension OIDs.
enum SNPOIDs {
  static let hardwareID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 3704, 1, 4]
  static func tcb(_ arc: UInt) -> ASN1ObjectIdentifier {
    (try? ASN1ObjectIdentifier(elements: [1, 3, 6, 1, 4, 1, 3704, 1, 3, arc])) ?? hardwareID
  }
}
