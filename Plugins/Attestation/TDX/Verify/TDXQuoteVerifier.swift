public import CocoonCore
import Crypto
public import Foundation
import X509

/// A quote that verified: its parsed form and the TCB verdict.
public struct TDXVerifiedQuote: Sendable {
  public var quote: TDXQuote
  public var tcbStatus: TCBStatus
  public var advisories: [String]
  public var identity: AttestedIdentity { TDXIdentity.identity(quote.body, status: tcbStatus, advisories: advisories) }
}

/// Verifies Intel TDX DCAP quotes (v4, v5) against collateral, following Intel's quote verification steps.
public struct TDXQuoteVerifier: Sendable {
  let rootKey: Certificate.PublicKey
  /// Whether a debug TD (readable by the host) is accepted.
  public var allowDebug: Bool

  /// A verifier trusting Intel's SGX Root CA (pinned).
  public init(allowDebug: Bool = false) {
    self.init(rootKey: IntelRootCA.publicKey, allowDebug: allowDebug)
  }

  init(rootKey: Certificate.PublicKey, allowDebug: Bool) {
    self.rootKey = rootKey
    self.allowDebug = allowDebug
  }

  /// Verifies `quoteBytes` as of `now`.
  /// - Throws: ``TDXVerificationFailure`` naming the check that failed.
  public func verify(
    quote quoteBytes: Data, collateral: PreparedTDXCollateral, at now: Date
  ) throws(TDXVerificationFailure) -> TDXVerifiedQuote {
    let quote: TDXQuote
    do { quote = try TDXQuote(quoteBytes) } catch { throw TDXVerificationFailure(.parse, error.reason) }
    try checkCollateral(collateral, at: now)
    let validator = CertificateChainValidator(rootKey: rootKey, crls: collateral.crls)
    let pck = try pckCertificate(quote, validator: validator, at: now)
    try checkQuotingEnclave(quote, pck: pck)
    let qeVerdict = try TCBEvaluation.quotingEnclave(quote.qeReport, identity: collateral.qeIdentity)
    guard let attestationKey = try? P256.Signing.PublicKey(rawRepresentation: quote.attestationKey),
      let signature = try? P256.Signing.ECDSASignature(rawRepresentation: quote.signature),
      attestationKey.isValidSignature(signature, for: quote.signedBytes)
    else {
      throw TDXVerificationFailure(.quoteSignature, "the quote signature is not valid for the attestation key")
    }
    let extensions: PCKExtensions
    do { extensions = try PCKExtensions(certificate: pck) } catch { throw TDXVerificationFailure(.pckChain, error.reason) }
    guard TCBEvaluation.hexBytes(collateral.tcbInfo.fmspc) == extensions.fmspc else {
      throw TDXVerificationFailure(.tcbInfo, "the TCB info is for another FMSPC than the PCK certificate's")
    }
    guard TCBEvaluation.hexBytes(collateral.tcbInfo.pceId) == extensions.pceID else {
      throw TDXVerificationFailure(.tcbInfo, "the TCB info is for another PCE-ID than the PCK certificate's")
    }
    var verdict = try TCBEvaluation.platform(collateral.tcbInfo, pck: extensions, teeTCBSVN: quote.body.teeTCBSVN)
    if let module = try TCBEvaluation.module(collateral.tcbInfo, body: quote.body) {
      verdict = verdict.merged(with: module)
    }
    verdict = verdict.merged(with: qeVerdict)
    guard verdict.status != .revoked else {
      throw TDXVerificationFailure(.tcbStatus, "the platform's TCB level is revoked")
    }
    guard allowDebug || !quote.body.isDebug else {
      throw TDXVerificationFailure(.debug, "the TD runs in debug mode, which is refused unless allowed")
    }
    return TDXVerifiedQuote(quote: quote, tcbStatus: verdict.status, advisories: verdict.advisories)
  }

  private func checkCollateral(_ collateral: PreparedTDXCollateral, at now: Date) throws(TDXVerificationFailure) {
    guard collateral.tcbInfoIssueDate <= now, now <= collateral.tcbInfoNextUpdate else {
      throw TDXVerificationFailure(.collateralExpired, "the TCB info is not valid at \(now) (expired collateral)")
    }
    guard collateral.qeIdentityIssueDate <= now, now <= collateral.qeIdentityNextUpdate else {
      throw TDXVerificationFailure(.collateralExpired, "the QE identity is not valid at \(now) (expired collateral)")
    }
    guard collateral.tcbInfo.id == "TDX", collateral.tcbInfo.version >= 3 else {
      throw TDXVerificationFailure(.tcbInfo, "the TCB info is not TDX TCB info version 3 or later")
    }
    do {
      try validator(collateral).validate(collateral.tcbSigningChain, label: "TCB info signing chain", at: now)
    } catch {
      throw TDXVerificationFailure(.tcbInfo, error.reason)
    }
    do {
      try validator(collateral).validate(collateral.qeIdentitySigningChain, label: "QE identity signing chain", at: now)
    } catch {
      throw TDXVerificationFailure(.qeIdentity, error.reason)
    }
  }

  private func validator(_ collateral: PreparedTDXCollateral) -> CertificateChainValidator {
    CertificateChainValidator(rootKey: rootKey, crls: collateral.crls)
  }

  private func pckCertificate(
    _ quote: TDXQuote, validator: CertificateChainValidator, at now: Date
  ) throws(TDXVerificationFailure) -> Certificate {
    guard let chain = try? parsePEMChain(String(decoding: quote.pckChainPEM, as: UTF8.self)), !chain.isEmpty else {
      throw TDXVerificationFailure(.pckChain, "the quote's PCK certificate chain is not valid PEM X.509")
    }
    do {
      return try validator.validate(chain, label: "PCK chain", at: now)
    } catch {
      throw TDXVerificationFailure(.pckChain, error.reason)
    }
  }

  /// The PCK key signs the QE report; the QE report binds the attestation key and QE auth data.
  private func checkQuotingEnclave(_ quote: TDXQuote, pck: Certificate) throws(TDXVerificationFailure) {
    guard let key = P256.Signing.PublicKey(pck.publicKey),
      let signature = try? P256.Signing.ECDSASignature(rawRepresentation: quote.qeReportSignature),
      key.isValidSignature(signature, for: quote.qeReportBytes)
    else {
      throw TDXVerificationFailure(.qeReportSignature, "the QE report signature is not valid for the PCK certificate")
    }
    let binding = Array(SHA256.hash(data: quote.attestationKey + quote.qeAuthData))
    guard Array(quote.qeReport.reportData[0..<32]) == binding,
      quote.qeReport.reportData[32..<64].allSatisfy({ $0 == 0 })
    else {
      throw TDXVerificationFailure(.qeReportBinding, "the QE report does not bind the attestation key")
    }
  }
}
