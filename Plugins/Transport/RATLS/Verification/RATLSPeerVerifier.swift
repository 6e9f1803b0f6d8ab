public import CocoonCore
public import Foundation
import Crypto
import SwiftASN1
import X509

/// What a verified RA-TLS certificate proves.
public struct RATLSVerifiedPeer: Sendable, Hashable {
  public var claims: RATLSClaims
  /// nil for a client that presented no evidence.
  public var identity: AttestedIdentity?
}

/// Verifies peers' RA-TLS certificates (see ``RATLSCheck`` for the checks and their order) and caches successes by
/// SHA-256 of the certificate DER until the certificate expires. A cache hit re-checks only time, role and policy.
public final class RATLSPeerVerifier: Sendable {
  private let cache: RATLSVerificationCache
  /// Whether a client must present evidence too (by default clients are not attested).
  public let requireClientEvidence: Bool

  public init(requireClientEvidence: Bool = false, cacheCapacity: Int = 4096) {
    self.requireClientEvidence = requireClientEvidence
    self.cache = RATLSVerificationCache(capacity: cacheCapacity)
  }

  /// How the cache has been used so far.
  public var cacheStatistics: RATLSCacheStatistics { cache.statistics }

  /// Verifies the peer certificate `der` as of `now`.
  /// - Parameter role: the role the peer must claim, or nil to accept any role (its policy still applies).
  /// - Throws: ``CocoonError`` `attestationFailed` whose reason names the failed ``RATLSCheck``.
  public func verify(
    certificate der: [UInt8], expecting role: Role?, security: TransportSecurity, now: Date
  ) async throws -> RATLSVerifiedPeer {
    let key = SHA256.hash(data: der)
    let entry: RATLSVerificationCache.Entry
    if let cached = cache.lookup(key, now: now) {
      entry = cached
      try Self.checkTime(now, notBefore: entry.notBefore, notAfter: entry.notAfter)
    } else {
      entry = try await verifyUncached(der, verifiers: security.verifiers, now: now)
      cache.store(entry, for: key, now: now)
    }
    let claims = entry.claims
    if let role, claims.role != role {
      throw RATLSCheck.role.refusal("the peer claims to be a \(claims.role); expected a \(role)")
    }
    if let identity = entry.identity, claims.role != .client || security.policy.allowedImageHashes[.client] != nil {
      do {
        try security.policy.check(identity, as: claims.role)
      } catch let error as CocoonError {
        throw RATLSCheck.policy.refusal(error.reason)
      }
    }
    return RATLSVerifiedPeer(claims: claims, identity: entry.identity)
  }

  private func verifyUncached(
    _ der: [UInt8], verifiers: [TEEKind: any AttestationVerifier], now: Date
  ) async throws -> RATLSVerificationCache.Entry {
    let certificate: Certificate
    do {
      certificate = try Certificate(derEncoded: der)
    } catch {
      throw RATLSCheck.certificate.refusal("the peer's certificate is not valid DER X.509 (\(error))")
    }
    let (claimsDER, evidenceDER) = try Self.extensionValues(of: certificate)
    guard certificate.publicKey.isValidSignature(certificate.signature, for: certificate) else {
      throw RATLSCheck.signature.refusal("the certificate's self-signature does not verify under its key")
    }
    let claims: RATLSClaims
    do {
      claims = try RATLSClaims(derEncoded: claimsDER)
    } catch {
      throw RATLSCheck.certificate.refusal("the claims extension does not decode: \(error)")
    }
    try Self.checkTime(now, notBefore: certificate.notValidBefore, notAfter: certificate.notValidAfter)
    guard Int64(certificate.notValidBefore.timeIntervalSince1970) == claims.notBefore,
      Int64(certificate.notValidAfter.timeIntervalSince1970) == claims.notAfter
    else {
      throw RATLSCheck.validity.refusal("the claims' not-before/not-after differ from the certificate's validity")
    }
    guard claims.publicKey == certificate.publicKey else {
      throw RATLSCheck.keyBinding.refusal("the claims name a different public key than the certificate's")
    }
    let identity = try await verifyEvidence(evidenceDER, claims: claims, claimsDER: claimsDER, verifiers, now: now)
    return .init(
      claims: claims, identity: identity, notBefore: certificate.notValidBefore, notAfter: certificate.notValidAfter)
  }

  private func verifyEvidence(
    _ evidenceDER: ArraySlice<UInt8>?, claims: RATLSClaims, claimsDER: ArraySlice<UInt8>,
    _ verifiers: [TEEKind: any AttestationVerifier], now: Date
  ) async throws -> AttestedIdentity? {
    guard let evidenceDER else {
      if claims.role == .client && !requireClientEvidence { return nil }
      throw RATLSCheck.evidence.refusal("a \(claims.role) must present attestation evidence and this one has none")
    }
    let evidence: Evidence
    do {
      evidence = try RATLSEvidence(derEncoded: evidenceDER).evidence
    } catch {
      throw RATLSCheck.evidence.refusal("the evidence extension does not decode: \(error)")
    }
    guard let verifier = verifiers[evidence.kind] else {
      let accepted = verifiers.keys.map(\.rawValue).sorted().joined(separator: ", ")
      throw RATLSCheck.evidence.refusal(
        "no verifier for '\(evidence.kind)' evidence is configured; accepted: \(accepted.isEmpty ? "none" : accepted)")
    }
    let reportData = RATLSClaims.reportData(binding: claimsDER)
    let identity: AttestedIdentity
    do {
      identity = try await verifier.verify(evidence, reportData: reportData, now: now)
    } catch let error as CocoonError {
      throw RATLSCheck.evidence.refusal(error.reason)
    } catch {
      throw RATLSCheck.evidence.refusal("the \(evidence.kind) verifier failed: \(error)")
    }
    guard identity.reportData == reportData else {
      throw RATLSCheck.reportData.refusal("the evidence binds report data other than SHA-512(claims)")
    }
    return identity
  }

  static func checkTime(_ now: Date, notBefore: Date, notAfter: Date) throws {
    guard now >= notBefore else {
      throw RATLSCheck.validity.refusal("the certificate is not valid before \(notBefore) (now \(now))")
    }
    guard now <= notAfter else {
      throw RATLSCheck.validity.refusal("the certificate expired at \(notAfter) (now \(now))")
    }
  }

  /// The claims (required) and evidence (optional) extension values; both must be critical, and no other
  /// critical extension may be unknown.
  static func extensionValues(of certificate: Certificate) throws -> (ArraySlice<UInt8>, ArraySlice<UInt8>?) {
    let understood: Set<ASN1ObjectIdentifier> = [
      RATLSObjectIdentifiers.claims, RATLSObjectIdentifiers.evidence,
      .X509ExtensionID.basicConstraints, .X509ExtensionID.keyUsage,
    ]
    for item in certificate.extensions where item.critical && !understood.contains(item.oid) {
      throw RATLSCheck.certificate.refusal("the certificate has an unknown critical extension \(item.oid)")
    }
    guard let claims = certificate.extensions[oid: RATLSObjectIdentifiers.claims], claims.critical else {
      throw RATLSCheck.certificate.refusal(
        "the certificate has no critical RA-TLS claims extension (\(RATLSObjectIdentifiers.claims)); "
          + "is the peer a Cocoon ratls transport?")
    }
    let evidence = certificate.extensions[oid: RATLSObjectIdentifiers.evidence]
    if let evidence, !evidence.critical {
      throw RATLSCheck.certificate.refusal("the RA-TLS evidence extension must be critical")
    }
    return (claims.value, evidence?.value)
  }
}
