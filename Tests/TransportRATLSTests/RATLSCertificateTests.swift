import CocoonCore
import CocoonTransportRATLS
import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@Suite("ratls: certificates and their verification")
struct RATLSCertificateTests {
  @Test("an issued certificate is self-signed and carries claims and evidence as critical extensions")
  func issuedCertificate() async throws {
    let now = Date()
    let credential = try await RATLSCredential.issue(security: Fixture.node, lifetime: 600, now: now)
    let certificate = try Certificate(derEncoded: credential.derBytes)
    #expect(certificate.publicKey.isValidSignature(certificate.signature, for: certificate))
    #expect(certificate.issuer == certificate.subject)
    let claimsExtension = try #require(certificate.extensions[oid: RATLSObjectIdentifiers.claims])
    let evidenceExtension = try #require(certificate.extensions[oid: RATLSObjectIdentifiers.evidence])
    #expect(claimsExtension.critical && evidenceExtension.critical)
    let claims = try RATLSClaims(derEncoded: claimsExtension.value)
    #expect(claims == credential.claims)
    #expect(claims.role == .node)
    #expect(claims.publicKey == certificate.publicKey)
    #expect(claims.configHash == Fixture.node.configHash)
    #expect(claims.notAfter == Int64(now.timeIntervalSince1970 + 600))
    #expect(Int64(certificate.notValidAfter.timeIntervalSince1970) == claims.notAfter)
    let evidence = try RATLSEvidence(derEncoded: evidenceExtension.value).evidence
    #expect(evidence.kind == .testDouble)
    let expected = Data(SHA512.hash(data: Array(claimsExtension.value)))
    #expect(evidence.payload.prefix(64) == expected)
    #expect(RATLSClaims.reportData(binding: claimsExtension.value) == expected)
  }

  @Test("a client's certificate carries claims but no evidence")
  func clientCertificate() async throws {
    let credential = try await RATLSCredential.issue(security: Fixture.client, lifetime: 600, now: Date())
    let certificate = try Certificate(derEncoded: credential.derBytes)
    #expect(certificate.extensions[oid: RATLSObjectIdentifiers.claims] != nil)
    #expect(certificate.extensions[oid: RATLSObjectIdentifiers.evidence] == nil)
  }

  @Test("claims and evidence round-trip through their DER encodings")
  func encodings() throws {
    let key = Certificate.PublicKey(P256.Signing.PrivateKey().publicKey)
    let claims = RATLSClaims(
      publicKey: key, role: .coordinator, notBefore: 1_700_000_000, notAfter: 1_700_003_600,
      configHash: Data(repeating: 7, count: 32))
    #expect(try RATLSClaims(derEncoded: claims.derBytes()) == claims)
    let evidence = RATLSEvidence(Evidence(kind: .tdx, payload: Data([1, 2, 3]), auxiliary: Data([4])))
    #expect(try RATLSEvidence(derEncoded: evidence.derBytes()) == evidence)
  }

  @Test("a certificate whose claims name another key is refused, naming the key-binding check")
  func keyBinding() async throws {
    let certificateKey = P256.Signing.PrivateKey()
    let otherKey = Certificate.PublicKey(P256.Signing.PrivateKey().publicKey)
    let der = try forge(signingKey: certificateKey, claimedKey: otherKey)
    let error = await #expect(throws: CocoonError.self) {
      try await RATLSPeerVerifier().verify(certificate: der, expecting: nil, security: Fixture.node, now: Date())
    }
    #expect(error?.reason.contains("'key-binding'") == true)
  }

  @Test("a certificate with a broken signature is refused, naming the signature check")
  func brokenSignature() async throws {
    var der = try await RATLSCredential.issue(security: Fixture.node, lifetime: 600, now: Date()).derBytes
    der[der.count - 1] ^= 0x01
    let error = await #expect(throws: CocoonError.self) {
      try await RATLSPeerVerifier().verify(certificate: der, expecting: nil, security: Fixture.node, now: Date())
    }
    #expect(error?.reason.contains("'signature'") == true)
  }

  @Test("a certificate without the claims extension is refused, naming the certificate check")
  func missingClaims() async throws {
    let key = P256.Signing.PrivateKey()
    let der = try forge(signingKey: key, claimedKey: nil)
    let error = await #expect(throws: CocoonError.self) {
      try await RATLSPeerVerifier().verify(certificate: der, expecting: nil, security: Fixture.node, now: Date())
    }
    #expect(error?.reason.contains("'certificate'") == true)
  }

  @Test("a cached verification still checks the expected role, the policy and the expiry")
  func cachedChecks() async throws {
    let now = Date()
    let der = try await RATLSCredential.issue(security: Fixture.node, lifetime: 600, now: now).derBytes
    let verifier = RATLSPeerVerifier()
    let peer = try await verifier.verify(certificate: der, expecting: .node, security: Fixture.coordinator, now: now)
    #expect(peer.identity?.imageHash == Fixture.nodeImage)
    let role = await #expect(throws: CocoonError.self) {
      try await verifier.verify(certificate: der, expecting: .coordinator, security: Fixture.coordinator, now: now)
    }
    #expect(role?.reason.contains("'role'") == true)
    var strict = Fixture.coordinator
    strict.policy.allowedImageHashes[.node] = []
    let policy = await #expect(throws: CocoonError.self) {
      try await verifier.verify(certificate: der, expecting: .node, security: strict, now: now)
    }
    #expect(policy?.reason.contains("'policy'") == true)
    #expect(verifier.cacheStatistics.hits == 2)
    let later = now.addingTimeInterval(3600)
    let expired = await #expect(throws: CocoonError.self) {
      try await verifier.verify(certificate: der, expecting: .node, security: Fixture.coordinator, now: later)
    }
    #expect(expired?.reason.contains("'validity'") == true)
    #expect(verifier.cacheStatistics.misses == 1)
  }

  /// A self-signed certificate signed by `signingKey` whose claims (if any) name `claimedKey`.
  func forge(signingKey: P256.Signing.PrivateKey, claimedKey: Certificate.PublicKey?) throws -> [UInt8] {
    let now = Int64(Date().timeIntervalSince1970)
    var extensions = Certificate.Extensions()
    if let claimedKey {
      let claims = RATLSClaims(
        publicKey: claimedKey, role: .client, notBefore: now - 60, notAfter: now + 600, configHash: Data())
      let value = try claims.derBytes()
      try extensions.append(.init(oid: RATLSObjectIdentifiers.claims, critical: true, value: value[...]))
    }
    let name = try DistinguishedName { CommonName("forged") }
    let certificate = try Certificate(
      version: .v3, serialNumber: .init(), publicKey: .init(signingKey.publicKey),
      notValidBefore: Date(timeIntervalSince1970: TimeInterval(now - 60)),
      notValidAfter: Date(timeIntervalSince1970: TimeInterval(now + 600)), issuer: name, subject: name,
      signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions, issuerPrivateKey: .init(signingKey))
    var serializer = DER.Serializer()
    try serializer.serialize(certificate)
    return serializer.serializedBytes
  }
}
