public import CocoonCore
public import Foundation

/// A parsed Intel TDX DCAP quote, version 4 (TD 1.0 body) or 5 (TD 1.0 or TD 1.5 body), ECDSA-P256 attestation key.
///
/// Layout (all integers little-endian), after Intel's "TDX DCAP Quote Library API":
/// header (48) · [v5: body type u16, body size u32] · TD report body (584 or 648) · signature data size u32 ·
/// signature data: quote signature r‖s (64) · attestation public key x‖y (64) · certification data type u16 (6)
/// and size u32 · QE report (384) · QE report signature (64) · QE auth data size u16 and bytes · certification
/// data type u16 (5 = PEM PCK chain) and size u32 · the PEM chain.
public struct TDXQuote: Sendable {
  public var version: UInt16
  public var attestationKeyType: UInt16
  public var teeType: UInt32
  public var body: TDReportBody
  /// The bytes the attestation key signs: header and body (with the v5 body descriptor).
  var signedBytes: [UInt8]
  var signature: [UInt8]
  var attestationKey: [UInt8]
  var qeReportBytes: [UInt8]
  var qeReport: EnclaveReportBody
  var qeReportSignature: [UInt8]
  var qeAuthData: [UInt8]
  /// The PCK certificate chain, PEM, leaf first.
  var pckChainPEM: [UInt8]

  /// TEE type of TDX in the header.
  static let teeTypeTDX: UInt32 = 0x81
  static let headerSize = 48

  /// Parses quote bytes.
  /// - Throws: ``CocoonError`` (`invalidArgument`) naming the field that is malformed or unsupported.
  public init(_ data: Data) throws(CocoonError) {
    do throws(QuoteParseError) {
      try self.init(bytes: [UInt8](data))
    } catch {
      throw CocoonError(.invalidArgument, "TDX quote: \(error.reason)")
    }
  }

  private init(bytes: [UInt8]) throws(QuoteParseError) {
    var header = QuoteReader(bytes)
    version = try header.u16("header.version")
    attestationKeyType = try header.u16("header.attestation_key_type")
    teeType = try header.u32("header.tee_type")
    guard version == 4 || version == 5 else {
      throw QuoteParseError("header.version: \(version) is not supported; accepted: 4, 5")
    }
    guard teeType == Self.teeTypeTDX else {
      throw QuoteParseError("header.tee_type: 0x\(String(teeType, radix: 16)) is not TDX (0x81)")
    }
    guard attestationKeyType == 2 else {
      throw QuoteParseError("header.attestation_key_type: \(attestationKeyType) is not supported; accepted: 2 (ECDSA-P256)")
    }
    _ = try header.bytes(Self.headerSize - 8, "header")
    var td15 = false
    if version == 5 {
      let bodyType = try header.u16("body.type")
      let bodySize = try header.u32("body.size")
      switch (bodyType, Int(bodySize)) {
      case (2, TDReportBody.td10Size): td15 = false
      case (3, TDReportBody.td15Size): td15 = true
      default:
        throw QuoteParseError("body: type \(bodyType) with size \(bodySize) is not supported; accepted: 2/584, 3/648")
      }
    }
    body = try TDReportBody(reading: &header, td15: td15)
    signedBytes = Array(bytes[0..<header.offset])
    let signatureDataSize = Int(try header.u32("signature_data.size"))
    // Quote buffers may be padded after the signature data; the signature data itself must be exact.
    var reader = QuoteReader(try header.bytes(signatureDataSize, "signature_data"))
    signature = try reader.bytes(64, "signature")
    attestationKey = try reader.bytes(64, "attestation_key")
    let certificationType = try reader.u16("certification_data.type")
    guard certificationType == 6 else {
      throw QuoteParseError("certification_data.type: \(certificationType) is not supported; accepted: 6 (QE report)")
    }
    let certificationSize = Int(try reader.u32("certification_data.size"))
    guard certificationSize == reader.remaining else {
      throw QuoteParseError("certification_data.size: \(certificationSize) does not match the \(reader.remaining) bytes that follow")
    }
    qeReportBytes = try reader.bytes(EnclaveReportBody.size, "qe_report")
    qeReport = try EnclaveReportBody(qeReportBytes)
    qeReportSignature = try reader.bytes(64, "qe_report_signature")
    let authSize = Int(try reader.u16("qe_auth_data.size"))
    qeAuthData = try reader.bytes(authSize, "qe_auth_data")
    let chainType = try reader.u16("pck_certification_data.type")
    guard chainType == 5 else {
      throw QuoteParseError("pck_certification_data.type: \(chainType) is not supported; accepted: 5 (PEM PCK chain)")
    }
    let chainSize = Int(try reader.u32("pck_certification_data.size"))
    pckChainPEM = try reader.bytes(chainSize, "pck_certification_data")
    guard reader.remaining == 0 else { throw QuoteParseError("\(reader.remaining) unexpected bytes after the PCK chain") }
  }
}
