import Foundation
import SwiftASN1
import X509

/// A parsed X.509 certificate revocation list (RFC 5280 §5), enough to check revocation: issuer, validity,
/// revoked serial numbers and the issuer's signature.
///
/// swift-certificates 1.21 has no CRL type, so this reads the DER with swift-asn1.
struct RevocationList: Sendable {
  var issuer: DistinguishedName
  var thisUpdate: Date
  var nextUpdate: Date?
  /// Serial numbers of revoked certificates, without leading zero bytes.
  var revokedSerials: Set<[UInt8]>
  var tbsBytes: [UInt8]
  var signatureAlgorithm: ASN1ObjectIdentifier
  var signature: [UInt8]

  /// Parses DER bytes.
  /// - Throws: an ASN.1 error when the bytes are not a CRL.
  init(der: [UInt8]) throws {
    let root = try DER.parse(der)
    var tbsBytes: [UInt8] = []
    var algorithm: ASN1ObjectIdentifier = Self.ecdsaWithSHA256
    var signatureBits: [UInt8] = []
    var issuer = DistinguishedName()
    var thisUpdate = Date.distantFuture
    var nextUpdate: Date?
    var revoked = Set<[UInt8]>()
    try DER.sequence(root, identifier: .sequence) { nodes in
      guard let tbs = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "missing tbsCertList") }
      tbsBytes = Array(tbs.encodedBytes)
      try DER.sequence(tbs, identifier: .sequence) { fields in
        var field = fields.next()
        if let version = field, version.identifier == .integer { field = fields.next() }  // version
        field = fields.next()  // skip inner signature algorithm
        guard let issuerNode = field else { throw ASN1Error.invalidASN1Object(reason: "missing issuer") }
        issuer = try DistinguishedName(derEncoded: issuerNode)
        guard let thisNode = fields.next() else { throw ASN1Error.invalidASN1Object(reason: "missing thisUpdate") }
        thisUpdate = try DERReading.date(thisNode)
        var next = fields.next()
        if let node = next, node.identifier == .utcTime || node.identifier == .generalizedTime {
          nextUpdate = try DERReading.date(node)
          next = fields.next()
        }
        if let list = next, list.identifier == .sequence {
          try DERReading.children(list).forEach { entry in
            try DER.sequence(entry, identifier: .sequence) { parts in
              guard let serial = parts.next(), case .primitive(let bytes) = serial.content else {
                throw ASN1Error.invalidASN1Object(reason: "revoked entry without serial")
              }
              revoked.insert(Self.normalized(bytes))
              while parts.next() != nil {}
            }
          }
        }
        while fields.next() != nil {}
      }
      guard let algorithmNode = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "missing algorithm") }
      try DER.sequence(algorithmNode, identifier: .sequence) { parts in
        guard let oid = parts.next() else { throw ASN1Error.invalidASN1Object(reason: "missing algorithm OID") }
        algorithm = try ASN1ObjectIdentifier(derEncoded: oid)
        while parts.next() != nil {}
      }
      guard let bitsNode = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "missing signature") }
      signatureBits = Array(try ASN1BitString(derEncoded: bitsNode).bytes)
    }
    self.issuer = issuer
    self.thisUpdate = thisUpdate
    self.nextUpdate = nextUpdate
    self.revokedSerials = revoked
    self.tbsBytes = tbsBytes
    self.signatureAlgorithm = algorithm
    self.signature = signatureBits
  }

  /// Whether `certificate`'s serial number is listed.
  func isRevoked(_ certificate: Certificate) -> Bool {
    revokedSerials.contains(Self.normalized(certificate.serialNumber.bytes))
  }

  /// Whether `issuerCertificate`'s key made this list's signature.
  func isSigned(by issuerCertificate: Certificate) -> Bool {
    let algorithm: Certificate.SignatureAlgorithm
    switch signatureAlgorithm {
    case Self.ecdsaWithSHA256: algorithm = .ecdsaWithSHA256
    case Self.ecdsaWithSHA384: algorithm = .ecdsaWithSHA384
    default: return false
    }
    return issuerCertificate.publicKey.isValidSignature(signature, for: tbsBytes, signatureAlgorithm: algorithm)
  }

  static let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 4, 3, 2]
  static let ecdsaWithSHA384: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 4, 3, 3]

  static func normalized(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    Array(bytes.drop(while: { $0 == 0 }))
  }
}
