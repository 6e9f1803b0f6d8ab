import SwiftASN1
import X509

/// The Intel SGX extension of a PCK certificate (OID 1.2.840.113741.1.13.1): the platform's TCB and FMSPC.
///
/// Layout (Intel "SGX PCK Certificate and CRL Profile"): a SEQUENCE of (OID, value) pairs; `.2` (TCB) is itself a
/// SEQUENCE of pairs `.2.1`…`.2.16` (CPU SVN components, INTEGER), `.2.17` (PCE SVN, INTEGER), `.2.18` (CPU SVN,
/// OCTET STRING); `.3` PCE-ID and `.4` FMSPC are OCTET STRINGs.
struct PCKExtensions: Sendable {
  /// The 16 CPU SVN components (`.2.1`…`.2.16`).
  var cpuSVNComponents: [UInt8]
  var pceSVN: UInt16
  var pceID: [UInt8]
  var fmspc: [UInt8]

  static let sgxExtensionOID: ASN1ObjectIdentifier = [1, 2, 840, 113_741, 1, 13, 1]

  /// Reads the extension from a PCK certificate.
  /// - Throws: ``QuoteParseError`` when it is missing or malformed.
  init(certificate: Certificate) throws(QuoteParseError) {
    guard let ext = certificate.extensions[oid: Self.sgxExtensionOID] else {
      throw QuoteParseError("the PCK certificate has no SGX extension (1.2.840.113741.1.13.1)")
    }
    var components = [UInt8](repeating: 0, count: 16)
    var pceSVN: UInt16?
    var pceID: [UInt8]?
    var fmspc: [UInt8]?
    do {
      let pairs = try Self.pairs(try DER.parse(Array(ext.value)))
      for (oid, value) in pairs {
        let arcs = Array(oid.oidComponents)
        guard arcs.count == 8, arcs.starts(with: Self.sgxExtensionOID.oidComponents) else { continue }
        switch arcs[7] {
        case 2:
          for (tcbOID, tcbValue) in try Self.pairs(value) {
            let tcbArcs = Array(tcbOID.oidComponents)
            guard tcbArcs.count == 9 else { continue }
            let index = Int(tcbArcs[8])
            if (1...16).contains(index) {
              components[index - 1] = UInt8(truncatingIfNeeded: try Int(derEncoded: tcbValue))
            } else if index == 17 {
              pceSVN = UInt16(truncatingIfNeeded: try Int(derEncoded: tcbValue))
            }
          }
        case 3: pceID = Array(try ASN1OctetString(derEncoded: value).bytes)
        case 4: fmspc = Array(try ASN1OctetString(derEncoded: value).bytes)
        default: continue
        }
      }
    } catch {
      throw QuoteParseError("the PCK certificate's SGX extension is malformed")
    }
    guard let pceSVN, let pceID, let fmspc, fmspc.count == 6 else {
      throw QuoteParseError("the PCK certificate's SGX extension lacks PCE SVN, PCE-ID or FMSPC")
    }
    self.cpuSVNComponents = components
    self.pceSVN = pceSVN
    self.pceID = pceID
    self.fmspc = fmspc
  }

  /// Reads a SEQUENCE of SEQUENCE { OID, value }.
  private static func pairs(_ node: ASN1Node) throws -> [(ASN1ObjectIdentifier, ASN1Node)] {
    try DERReading.children(node).map { pair in
      try DER.sequence(pair, identifier: .sequence) { nodes in
        guard let oidNode = nodes.next(), let value = nodes.next() else {
          throw ASN1Error.invalidASN1Object(reason: "SGX extension pair is incomplete")
        }
        return (try ASN1ObjectIdentifier(derEncoded: oidNode), value)
      }
    }
  }
}
