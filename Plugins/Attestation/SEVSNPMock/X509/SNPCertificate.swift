import Crypto
import Foundation
import SwiftASN1
import _CryptoExtras

/// The parts of an X.509 certificate the SEV-SNP chain needs, read with swift-asn1.
///
/// AMD's ARK and ASK sign with RSASSA-PSS, which swift-certificates 1.21 does not parse, so the VCEK chain is read
/// here: the signed TBS bytes, the signature algorithm and value, the subject public key, names, validity and
/// extensions.
struct SNPCertificate: Sendable {
  var der: [UInt8]
  var tbs: [UInt8]
  var signatureAlgorithm: [UInt8]  // the AlgorithmIdentifier's DER
  var signature: [UInt8]
  var issuer: [UInt8]  // Name DER
  var subject: [UInt8]
  var notBefore: Date
  var notAfter: Date
  var subjectPublicKeyInfo: [UInt8]
  var extensions: [ASN1ObjectIdentifier: [UInt8]]  // OID -> extnValue contents

  init(der: [UInt8]) throws {
    self.der = der
    let root = try DER.parse(der)
    let top = try Self.children(root)
    guard top.count == 3 else { throw ASN1Error.invalidASN1Object(reason: "certificate") }
    tbs = Array(top[0].encodedBytes)
    signatureAlgorithm = Array(top[1].encodedBytes)
    let bits = try ASN1BitString(derEncoded: top[2])
    guard bits.paddingBits == 0 else { throw ASN1Error.invalidASN1Object(reason: "signature padding") }
    signature = Array(bits.bytes)
    var fields = try Self.children(top[0])[...]
    if fields.first?.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
      fields = fields.dropFirst()
    }
    guard fields.count >= 6 else { throw ASN1Error.invalidASN1Object(reason: "tbsCertificate") }
    let list = Array(fields)
    // RFC 5280 §4.1.1.2: the unsigned outer algorithm must equal the signed one.
    guard Array(list[1].encodedBytes) == signatureAlgorithm else {
      throw ASN1Error.invalidASN1Object(reason: "signature algorithm mismatch")
    }
    issuer = Array(list[2].encodedBytes)
    let validity = try Self.children(list[3])
    guard validity.count == 2 else { throw ASN1Error.invalidASN1Object(reason: "validity") }
    notBefore = try Self.date(validity[0])
    notAfter = try Self.date(validity[1])
    subject = Array(list[4].encodedBytes)
    subjectPublicKeyInfo = Array(list[5].encodedBytes)
    var extensions: [ASN1ObjectIdentifier: [UInt8]] = [:]
    let extensionsTag = ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)
    if let wrapper = list.dropFirst(6).first(where: { $0.identifier == extensionsTag }),
      let sequence = try Self.children(wrapper, identifier: extensionsTag).first
    {
      for ext in try Self.children(sequence) {
        let parts = try Self.children(ext)
        guard let oidNode = parts.first, let valueNode = parts.last else { continue }
        extensions[try ASN1ObjectIdentifier(derEncoded: oidNode)] = Array(try ASN1OctetString(derEncoded: valueNode).bytes)
      }
    }
    self.extensions = extensions
  }

  /// Whether `issuer`'s key made this certificate's signature (RSASSA-PSS/SHA-384 or ECDSA/SHA-384).
  func isSigned(by issuer: SNPCertificate) -> Bool {
    SNPSignatureCheck.isValid(
      signature: signature, over: tbs, algorithm: signatureAlgorithm, key: issuer.subjectPublicKeyInfo)
  }

  /// An integer extension's value (AMD's TCB SPL extensions are DER INTEGERs).
  func integerExtension(_ oid: ASN1ObjectIdentifier) -> Int? {
    guard let value = extensions[oid], let node = try? DER.parse(value) else { return nil }
    return try? Int(derEncoded: node)
  }

  /// An OCTET STRING extension's contents, or the raw value when it is not wrapped (older VCEKs).
  func bytesExtension(_ oid: ASN1ObjectIdentifier) -> [UInt8]? {
    guard let value = extensions[oid] else { return nil }
    if let node = try? DER.parse(value), let octets = try? ASN1OctetString(derEncoded: node) { return Array(octets.bytes) }
    return value
  }

  static func children(_ node: ASN1Node, identifier: ASN1Identifier = .sequence) throws -> [ASN1Node] {
    guard node.identifier == identifier, case .constructed(let nodes) = node.content else {
      throw ASN1Error.unexpectedFieldType(node.identifier)
    }
    return Array(nodes)
  }

  static func date(_ node: ASN1Node) throws -> Date {
    var components = DateComponents()
    if node.identifier == .utcTime {
      let time = try UTCTime(derEncoded: node)
      components = DateComponents(year: time.year, month: time.month, day: time.day, hour: time.hours, minute: time.minutes, second: time.seconds)
    } else {
      let time = try GeneralizedTime(derEncoded: node)
      components = DateComponents(year: time.year, month: time.month, day: time.day, hour: time.hours, minute: time.minutes, second: time.seconds)
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    guard let date = calendar.date(from: components) else { throw ASN1Error.invalidASN1Object(reason: "time") }
    return date
  }
}

/// Signature checks for the algorithms in SEV-SNP chains.
enum SNPSignatureCheck {
  static let rsaPSS: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0A]
  static let sha384: [UInt8] = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02]
  static let ecdsaSHA384: [UInt8] = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03]

  static func isValid(signature: [UInt8], over message: [UInt8], algorithm: [UInt8], key spki: [UInt8]) -> Bool {
    if contains(algorithm, rsaPSS) {
      guard contains(algorithm, sha384), let key = try? _RSA.Signing.PublicKey(derRepresentation: spki) else { return false }
      return key.isValidSignature(
        _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA384.hash(data: message), padding: .PSS)
    }
    if contains(algorithm, ecdsaSHA384) {
      guard let key = try? P384.Signing.PublicKey(derRepresentation: spki),
        let ecdsa = try? P384.Signing.ECDSASignature(derRepresentation: signature)
      else { return false }
      return key.isValidSignature(ecdsa, for: message)
    }
    return false
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
  }
}
