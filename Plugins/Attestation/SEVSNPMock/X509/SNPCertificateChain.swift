public import CocoonCore
public import Foundation
import SwiftASN1

/// The VCEK and its issuers (ASK, ARK) as SEV-SNP evidence carries them.
///
/// Encoding (the `auxiliary` of SEV-SNP ``Evidence``): PEM certificates concatenated, VCEK first, then ASK, then
/// ARK. DER input is accepted for a single certificate (a VCEK as AMD's KDS serves it).
public struct SNPCertificateChain: Sendable {
  var certificates: [SNPCertificate]

  /// Reads PEM certificates (any number), or one DER certificate.
  /// - Throws: ``CocoonError`` (`invalidArgument`) when the bytes are neither.
  public init(encoded data: Data) throws(CocoonError) {
    if let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN CERTIFICATE-----") {
      guard let documents = try? PEMDocument.parseMultiple(pemString: text),
        let certificates = try? documents.map({ try SNPCertificate(der: $0.derBytes) })
      else {
        throw CocoonError(.invalidArgument, "SEV-SNP certificates: the PEM text does not hold valid certificates")
      }
      self.certificates = certificates
    } else {
      guard let certificate = try? SNPCertificate(der: [UInt8](data)) else {
        throw CocoonError(.invalidArgument, "SEV-SNP certificates: neither PEM certificates nor one DER certificate")
      }
      certificates = [certificate]
    }
  }

  init(certificates: [SNPCertificate]) { self.certificates = certificates }

  /// Joins chains (a VCEK file, then an ASK+ARK file).
  public static func + (lhs: SNPCertificateChain, rhs: SNPCertificateChain) -> SNPCertificateChain {
    SNPCertificateChain(certificates: lhs.certificates + rhs.certificates)
  }

  /// The PEM encoding, in order.
  public var pem: Data {
    Data(
      certificates.map { PEMDocument(type: "CERTIFICATE", derBytes: $0.der).pemString }.joined(separator: "\n").utf8)
  }
}
