import CocoonCore
import Crypto
import Foundation
import SwiftASN1
import X509

extension MockSNPAuthority {
  /// Makes a fresh mock hierarchy: ARK (self-signed) → ASK → VCEK, ECDSA P-384/SHA-384, with the VCEK carrying
  /// AMD's extensions (TCB SPLs 1.3.6.1.4.1.3704.1.3.x as DER INTEGERs, hardware id 1.3.6.1.4.1.3704.1.4 as raw
  /// chip id bytes) so that verification takes the same path as for a real VCEK.
  static func makeState() throws(CocoonError) -> State {
    do {
      let arkKey = P384.Signing.PrivateKey()
      let askKey = P384.Signing.PrivateKey()
      let vcekKey = P384.Signing.PrivateKey()
      let chipID = (0..<64).map { _ in UInt8.random(in: 0...255) }
      let tcb = SNPTCBVersion(bootLoader: 3, tee: 0, snp: 8, microcode: 115)
      let now = Date()
      let start = now.addingTimeInterval(-86_400)
      let end = now.addingTimeInterval(86_400 * 365 * 25)
      let arkName = try name("ARK-Mock")
      let askName = try name("SEV-Mock")
      let caExtensions = try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
        Critical(KeyUsage(keyCertSign: true, cRLSign: true))
      }
      let ark = try Certificate(
        version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(arkKey.publicKey),
        notValidBefore: start, notValidAfter: end, issuer: arkName, subject: arkName,
        signatureAlgorithm: .ecdsaWithSHA384, extensions: caExtensions, issuerPrivateKey: .init(arkKey))
      let ask = try Certificate(
        version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(askKey.publicKey),
        notValidBefore: start, notValidAfter: end, issuer: arkName, subject: askName,
        signatureAlgorithm: .ecdsaWithSHA384, extensions: caExtensions, issuerPrivateKey: .init(arkKey))
      var vcekExtensions = Certificate.Extensions()
      for (arc, value) in [(UInt(1), tcb.bootLoader), (2, tcb.tee), (3, tcb.snp), (8, tcb.microcode)] {
        var serializer = DER.Serializer()
        try serializer.serialize(Int(value))
        try vcekExtensions.append(
          Certificate.Extension(oid: SNPOIDs.tcb(arc), critical: false, value: serializer.serializedBytes[...]))
      }
      try vcekExtensions.append(Certificate.Extension(oid: SNPOIDs.hardwareID, critical: false, value: chipID[...]))
      let vcek = try Certificate(
        version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(vcekKey.publicKey),
        notValidBefore: start, notValidAfter: end, issuer: askName, subject: try name("SEV-VCEK-Mock"),
        signatureAlgorithm: .ecdsaWithSHA384, extensions: vcekExtensions, issuerPrivateKey: .init(askKey))
      let pem = try [vcek, ask, ark].map { try $0.serializeAsPEM().pemString }.joined(separator: "\n")
      return State(
        chain: pem, vcekPrivateKey: vcekKey.pemRepresentation, chipId: Data(chipID).hexString, reportedTcb: tcb.raw)
    } catch {
      throw CocoonError(.unavailable, "sev-snp-mock: making the mock certificate chain failed: \(error)")
    }
  }

  private static func name(_ commonName: String) throws -> DistinguishedName {
    try DistinguishedName {
      OrganizationName("Cocoon mock SEV-SNP")
      CommonName(commonName)
    }
  }
}
