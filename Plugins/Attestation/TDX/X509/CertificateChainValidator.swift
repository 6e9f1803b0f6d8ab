import Foundation
import X509

/// Validates a certificate chain (leaf first, root last) against a pinned root key, as of a time, with CRLs.
///
/// Checks, for every link: names chain (issuer = next subject), the signature by the next certificate's key, the
/// validity period, that issuers are CAs; the root is self-signed with the pinned key; every non-root certificate
/// is checked against a CRL from its issuer, which must be present, signed by that issuer and current.
struct CertificateChainValidator: Sendable {
  var rootKey: Certificate.PublicKey
  /// CRLs available, in any order.
  var crls: [RevocationList]

  /// Validates `chain` (leaf first) named `label` in reasons.
  /// - Returns: the leaf certificate.
  /// - Throws: ``ChainFailure`` saying which link failed and why.
  @discardableResult
  func validate(_ chain: [Certificate], label: String, at now: Date) throws(ChainFailure) -> Certificate {
    guard chain.count >= 2, let root = chain.last else {
      throw ChainFailure("\(label): the chain has \(chain.count) certificate(s); a leaf and the root are required")
    }
    guard root.publicKey == rootKey, root.subject == root.issuer, root.publicKey.isValidSignature(root.signature, for: root)
    else {
      throw ChainFailure("\(label): the chain does not end at the pinned root CA")
    }
    if let rootCRL = crls.first(where: { $0.issuer == root.subject }), rootCRL.isRevoked(root) {
      throw ChainFailure("\(label): the root CA is listed in its own CRL")
    }
    for (index, certificate) in chain.enumerated() {
      guard certificate.notValidBefore <= now, now <= certificate.notValidAfter else {
        throw ChainFailure("\(label): certificate \(index) is outside its validity period at \(now)")
      }
      guard index + 1 < chain.count else { continue }
      let issuer = chain[index + 1]
      guard certificate.issuer == issuer.subject else {
        throw ChainFailure("\(label): certificate \(index)'s issuer is not certificate \(index + 1)")
      }
      guard Self.isCA(issuer) else {
        throw ChainFailure("\(label): certificate \(index + 1) is not a CA")
      }
      guard issuer.publicKey.isValidSignature(certificate.signature, for: certificate) else {
        throw ChainFailure("\(label): certificate \(index)'s signature is not valid")
      }
      try checkRevocation(of: certificate, issuedBy: issuer, index: index, label: label, at: now)
    }
    return chain[0]
  }

  private func checkRevocation(
    of certificate: Certificate, issuedBy issuer: Certificate, index: Int, label: String, at now: Date
  ) throws(ChainFailure) {
    guard let crl = crls.first(where: { $0.issuer == issuer.subject }) else {
      throw ChainFailure("\(label): no CRL from '\(issuer.subject)' to check certificate \(index) against")
    }
    guard crl.isSigned(by: issuer) else {
      throw ChainFailure("\(label): the CRL from '\(issuer.subject)' has an invalid signature")
    }
    guard crl.thisUpdate <= now, now <= (crl.nextUpdate ?? .distantFuture) else {
      throw ChainFailure("\(label): the CRL from '\(issuer.subject)' is not current at \(now) (expired collateral)")
    }
    guard !crl.isRevoked(certificate) else {
      throw ChainFailure("\(label): certificate \(index) is revoked by its issuer's CRL")
    }
  }

  private static func isCA(_ certificate: Certificate) -> Bool {
    if case .isCertificateAuthority = try? certificate.extensions.basicConstraints { return true }
    return false
  }
}

/// A chain validation failure with its reason.
struct ChainFailure: Error {
  let reason: String
  init(_ reason: String) { self.reason = reason }
}
