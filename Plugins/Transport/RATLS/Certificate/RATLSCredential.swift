public import CocoonCore
public import Foundation
import Crypto
import NIOSSL
import SwiftASN1
public import X509

/// A fresh P-256 key pair and its self-signed RA-TLS certificate: claims and (for attested roles) evidence bound to
/// the key, carried as critical extensions.
public struct RATLSCredential: Sendable {
  /// The certificate as issued.
  public let certificate: Certificate
  /// The certificate's DER encoding (what goes on the wire).
  public let derBytes: [UInt8]
  /// What the certificate claims.
  public let claims: RATLSClaims
  /// The PKCS#8 PEM of the private key; never logged.
  let privateKeyPEM: String

  /// How far `notBefore` is set back from the issue time, so peers whose clocks lag a little still accept it.
  public static let backdate: TimeInterval = 60

  /// Issues a credential for `security.role`, valid from `now` (less ``backdate``) for `lifetime` seconds.
  ///
  /// The evidence comes from `security.provider` for the report data SHA-512(claims DER). A client without a
  /// provider gets a certificate with claims and no evidence.
  /// - Throws: ``CocoonError`` `unavailable` when a node or coordinator has no attestation provider; the
  ///   provider's error when it refuses.
  public static func issue(security: TransportSecurity, lifetime: TimeInterval, now: Date) async throws -> Self {
    if security.provider == nil && security.role != .client {
      throw CocoonError(
        .unavailable,
        "a \(security.role) must present attestation evidence over ratls, but no attestation plugin is configured; "
          + "configure one (tdx, sev-snp-mock, or insecure for development)")
    }
    let key = P256.Signing.PrivateKey()
    let publicKey = Certificate.PublicKey(key.publicKey)
    let notBefore = Int64((now.timeIntervalSince1970 - backdate).rounded(.down))
    let notAfter = Int64((now.timeIntervalSince1970 + lifetime).rounded(.down))
    let claims = RATLSClaims(
      publicKey: publicKey, role: security.role, notBefore: notBefore, notAfter: notAfter,
      configHash: security.configHash)
    let claimsDER = try claims.derBytes()
    var extensions = try Certificate.Extensions([
      Certificate.Extension(BasicConstraints.notCertificateAuthority, critical: true),
      Certificate.Extension(KeyUsage(digitalSignature: true), critical: true),
      Certificate.Extension(oid: RATLSObjectIdentifiers.claims, critical: true, value: claimsDER[...]),
    ])
    if let provider = security.provider {
      let evidence = try await provider.evidence(reportData: RATLSClaims.reportData(binding: claimsDER))
      let value = try RATLSEvidence(evidence).derBytes()
      try extensions.append(
        Certificate.Extension(oid: RATLSObjectIdentifiers.evidence, critical: true, value: value[...]))
    }
    let name = try DistinguishedName { CommonName("cocoon \(security.role)") }
    let certificate = try Certificate(
      version: .v3, serialNumber: Certificate.SerialNumber(),
      publicKey: publicKey,
      notValidBefore: Date(timeIntervalSince1970: TimeInterval(notBefore)),
      notValidAfter: Date(timeIntervalSince1970: TimeInterval(notAfter)),
      issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
      issuerPrivateKey: Certificate.PrivateKey(key))
    var serializer = DER.Serializer()
    try serializer.serialize(certificate)
    return RATLSCredential(
      certificate: certificate, derBytes: serializer.serializedBytes, claims: claims,
      privateKeyPEM: key.pemRepresentation)
  }

  /// When the certificate stops being valid.
  public var notAfter: Date { Date(timeIntervalSince1970: TimeInterval(claims.notAfter)) }

  /// A TLS 1.3-only context presenting this certificate and requiring the peer's, with NIOSSL's own chain
  /// validation replaced by the RA-TLS verification (the custom verification callback).
  func makeTLSContext(isServer: Bool) throws -> NIOSSLContext {
    let certificate = try NIOSSLCertificate(bytes: derBytes, format: .der)
    let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
    var configuration =
      isServer
      ? TLSConfiguration.makeServerConfiguration(
        certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
      : TLSConfiguration.makeClientConfiguration()
    configuration.certificateChain = [.certificate(certificate)]
    configuration.privateKey = .privateKey(key)
    configuration.minimumTLSVersion = .tlsv13
    configuration.maximumTLSVersion = .tlsv13
    configuration.certificateVerification = .noHostnameVerification
    configuration.trustRoots = .certificates([])
    configuration.renegotiationSupport = .none
    return try NIOSSLContext(configuration: configuration)
  }
}
