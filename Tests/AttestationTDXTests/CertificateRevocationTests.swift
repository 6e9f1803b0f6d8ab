import Crypto
import Foundation
import SwiftASN1
import Testing
import X509

@testable import CocoonAttestationTDX

/// Revocation handling with a CA chain and CRLs made here (the real root key is Intel's, so the chain validator is
/// given this test's root key instead).
@Suite("TDX certificate chains and CRLs")
struct CertificateRevocationTests {
  struct TestPKI {
    let rootKey = P256.Signing.PrivateKey()
    let caKey = P256.Signing.PrivateKey()
    let leafKey = P256.Signing.PrivateKey()
    let root: Certificate
    let ca: Certificate
    let leaf: Certificate
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    init() throws {
      let rootName = try DistinguishedName { CommonName("Test Root CA") }
      let caName = try DistinguishedName { CommonName("Test PCK CA") }
      let leafName = try DistinguishedName { CommonName("Test PCK") }
      let caExtensions = try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
      }
      let end = start.addingTimeInterval(86_400 * 365)
      root = try Certificate(
        version: .v3, serialNumber: .init(bytes: [1]), publicKey: .init(rootKey.publicKey), notValidBefore: start,
        notValidAfter: end, issuer: rootName, subject: rootName, signatureAlgorithm: .ecdsaWithSHA256,
        extensions: caExtensions, issuerPrivateKey: .init(rootKey))
      ca = try Certificate(
        version: .v3, serialNumber: .init(bytes: [2]), publicKey: .init(caKey.publicKey), notValidBefore: start,
        notValidAfter: end, issuer: rootName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
        extensions: caExtensions, issuerPrivateKey: .init(rootKey))
      leaf = try Certificate(
        version: .v3, serialNumber: .init(bytes: [0x42, 0x99]), publicKey: .init(leafKey.publicKey),
        notValidBefore: start, notValidAfter: end, issuer: caName, subject: leafName,
        signatureAlgorithm: .ecdsaWithSHA256, extensions: Certificate.Extensions(), issuerPrivateKey: .init(caKey))
    }

    /// A DER CRL (v2) from `issuer`, signed by `key`, listing `serials`.
    func crl(issuer: Certificate, key: P256.Signing.PrivateKey, serials: [[UInt8]]) throws -> [UInt8] {
      var tbs = DER.Serializer()
      try tbs.appendConstructedNode(identifier: .sequence) { body in
        try body.serialize(1)
        try body.appendConstructedNode(identifier: .sequence) { try $0.serialize(RevocationList.ecdsaWithSHA256) }
        try body.serialize(issuer.subject)
        try body.serialize(UTCTime(year: 2023, month: 11, day: 1, hours: 0, minutes: 0, seconds: 0))
        try body.serialize(UTCTime(year: 2024, month: 12, day: 1, hours: 0, minutes: 0, seconds: 0))
        if !serials.isEmpty {
          try body.appendConstructedNode(identifier: .sequence) { list in
            for serial in serials {
              try list.appendConstructedNode(identifier: .sequence) { entry in
                entry.appendPrimitiveNode(identifier: .integer) { $0.append(contentsOf: serial) }
                try entry.serialize(UTCTime(year: 2023, month: 11, day: 2, hours: 0, minutes: 0, seconds: 0))
              }
            }
          }
        }
      }
      let tbsBytes = tbs.serializedBytes
      let signature = try key.signature(for: tbsBytes).derRepresentation
      var out = DER.Serializer()
      try out.appendConstructedNode(identifier: .sequence) { list in
        list.serializeRawBytes(tbsBytes)
        try list.appendConstructedNode(identifier: .sequence) { try $0.serialize(RevocationList.ecdsaWithSHA256) }
        try list.serialize(ASN1BitString(bytes: ArraySlice(signature)))
      }
      return out.serializedBytes
    }

    func validator(crls: [[UInt8]]) throws -> CertificateChainValidator {
      CertificateChainValidator(
        rootKey: .init(rootKey.publicKey), crls: try crls.map { try RevocationList(der: $0) })
    }
  }

  let now = Date(timeIntervalSince1970: 1_700_000_000 + 86_400 * 10)

  @Test("a chain with current, empty CRLs validates")
  func validChain() throws {
    let pki = try TestPKI()
    let validator = try pki.validator(crls: [
      try pki.crl(issuer: pki.root, key: pki.rootKey, serials: []),
      try pki.crl(issuer: pki.ca, key: pki.caKey, serials: [[0x07]]),
    ])
    let leaf = try validator.validate([pki.leaf, pki.ca, pki.root], label: "test", at: now)
    #expect(leaf == pki.leaf)
  }

  @Test("a PCK listed in its issuer's CRL is refused as revoked")
  func revokedLeaf() throws {
    let pki = try TestPKI()
    let validator = try pki.validator(crls: [
      try pki.crl(issuer: pki.root, key: pki.rootKey, serials: []),
      try pki.crl(issuer: pki.ca, key: pki.caKey, serials: [[0x07], [0x42, 0x99]]),
    ])
    let error = #expect(throws: ChainFailure.self) { try validator.validate([pki.leaf, pki.ca, pki.root], label: "PCK chain", at: now) }
    #expect(error?.reason.contains("revoked") == true)
  }

  @Test("a revoked intermediate, a CRL signed by the wrong key, a missing CRL, another root: each refused")
  func otherFailures() throws {
    let pki = try TestPKI()
    let rootCRL = try pki.crl(issuer: pki.root, key: pki.rootKey, serials: [[2]])
    let caCRL = try pki.crl(issuer: pki.ca, key: pki.caKey, serials: [])
    let chain = [pki.leaf, pki.ca, pki.root]
    let revoked = #expect(throws: ChainFailure.self) { try pki.validator(crls: [rootCRL, caCRL]).validate(chain, label: "c", at: now) }
    #expect(revoked?.reason.contains("certificate 1 is revoked") == true)

    let forged = try pki.crl(issuer: pki.ca, key: pki.leafKey, serials: [])
    let cleanRoot = try pki.crl(issuer: pki.root, key: pki.rootKey, serials: [])
    let badSignature = #expect(throws: ChainFailure.self) { try pki.validator(crls: [cleanRoot, forged]).validate(chain, label: "c", at: now) }
    #expect(badSignature?.reason.contains("invalid signature") == true)

    let missing = #expect(throws: ChainFailure.self) { try pki.validator(crls: [cleanRoot]).validate(chain, label: "c", at: now) }
    #expect(missing?.reason.contains("no CRL") == true)

    let intel = CertificateChainValidator(rootKey: IntelRootCA.publicKey, crls: [])
    let otherRoot = #expect(throws: ChainFailure.self) { try intel.validate(chain, label: "c", at: now) }
    #expect(otherRoot?.reason.contains("pinned root") == true)

    let late = Date(timeIntervalSince1970: 1_700_000_000 + 86_400 * 500)
    let stale = #expect(throws: ChainFailure.self) { try pki.validator(crls: [cleanRoot, caCRL]).validate(chain, label: "c", at: late) }
    #expect(stale?.reason.contains("validity") == true || stale?.reason.contains("not current") == true)
  }
}
