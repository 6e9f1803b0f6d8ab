import CocoonCore
import Crypto
public import Foundation
import SwiftASN1
import X509

/// Collateral parsed once and checked where the check does not depend on time: certificates and CRLs parsed, the
/// TCB info and QE identity signatures verified against their signing certificates. Chains, CRL currency and
/// validity periods are checked at each verification, for its time.
public final class PreparedTDXCollateral: Sendable {
  let tcbInfo: TCBInfo
  let tcbInfoIssueDate: Date
  let tcbInfoNextUpdate: Date
  let tcbSigningChain: [Certificate]
  let qeIdentity: QEIdentity
  let qeIdentityIssueDate: Date
  let qeIdentityNextUpdate: Date
  let qeIdentitySigningChain: [Certificate]
  let crls: [RevocationList]

  /// Parses `collateral` and verifies its signed parts' signatures.
  /// - Throws: ``TDXVerificationFailure`` naming the part that is malformed or badly signed.
  public init(_ collateral: TDXCollateral) throws(TDXVerificationFailure) {
    tcbSigningChain = try Self.chain(collateral.tcbInfoIssuerChain, "tcb_info_issuer_chain")
    qeIdentitySigningChain = try Self.chain(collateral.qeIdentityIssuerChain, "qe_identity_issuer_chain")
    var crls: [RevocationList] = []
    for (name, hex) in [("root_ca_crl", collateral.rootCACRL), ("pck_crl", collateral.pckCRL)] {
      guard let der = Data(hexString: hex), let crl = try? RevocationList(der: [UInt8](der)) else {
        throw Self.failure("\(name) is not a hex-encoded DER CRL")
      }
      crls.append(crl)
    }
    self.crls = crls
    do {
      tcbInfo = try JSONDecoder().decode(TCBInfo.self, from: Data(collateral.tcbInfo.utf8))
    } catch {
      throw Self.failure("tcb_info is not TCB info JSON (version 3)")
    }
    do {
      qeIdentity = try JSONDecoder().decode(QEIdentity.self, from: Data(collateral.qeIdentity.utf8))
    } catch {
      throw Self.failure("qe_identity is not QE identity JSON")
    }
    guard let tcbIssue = IntelDate.parse(tcbInfo.issueDate), let tcbNext = IntelDate.parse(tcbInfo.nextUpdate),
      let qeIssue = IntelDate.parse(qeIdentity.issueDate), let qeNext = IntelDate.parse(qeIdentity.nextUpdate)
    else {
      throw Self.failure("issueDate/nextUpdate is not an ISO 8601 UTC time")
    }
    (tcbInfoIssueDate, tcbInfoNextUpdate, qeIdentityIssueDate, qeIdentityNextUpdate) = (tcbIssue, tcbNext, qeIssue, qeNext)
    guard Self.isValid(signatureHex: collateral.tcbInfoSignature, of: collateral.tcbInfo, by: tcbSigningChain[0]) else {
      throw TDXVerificationFailure(.tcbInfo, "the TCB info signature is not valid for its signing certificate")
    }
    guard
      Self.isValid(signatureHex: collateral.qeIdentitySignature, of: collateral.qeIdentity, by: qeIdentitySigningChain[0])
    else {
      throw TDXVerificationFailure(.qeIdentity, "the QE identity signature is not valid for its signing certificate")
    }
  }

  /// The earliest time any part stops being current: TCB info, QE identity or a CRL's next update.
  public var validUntil: Date {
    ([tcbInfoNextUpdate, qeIdentityNextUpdate] + crls.compactMap(\.nextUpdate)).min() ?? .distantPast
  }

  private static func chain(_ pem: String, _ name: String) throws(TDXVerificationFailure) -> [Certificate] {
    guard let chain = try? parsePEMChain(pem), !chain.isEmpty else {
      throw failure("\(name) is not a PEM certificate chain")
    }
    return chain
  }

  /// Checks an r‖s hex signature (ECDSA-P256/SHA-256) over the exact UTF-8 bytes of `text`.
  private static func isValid(signatureHex: String, of text: String, by certificate: Certificate) -> Bool {
    guard let raw = Data(hexString: signatureHex), let key = P256.Signing.PublicKey(certificate.publicKey),
      let signature = try? P256.Signing.ECDSASignature(rawRepresentation: raw)
    else { return false }
    return key.isValidSignature(signature, for: Data(text.utf8))
  }

  static func failure(_ reason: String) -> TDXVerificationFailure {
    TDXVerificationFailure(.collateral, reason)
  }
}

/// Parses a PEM chain (leaf first).
func parsePEMChain(_ pem: String) throws -> [Certificate] {
  try PEMDocument.parseMultiple(pemString: pem).map { try Certificate(derEncoded: $0.derBytes) }
}
