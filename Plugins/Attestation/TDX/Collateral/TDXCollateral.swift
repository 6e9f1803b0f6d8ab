public import CocoonCore
public import Foundation

/// Intel DCAP collateral for verifying a TDX quote, in the JSON shape PCCS clients and dcap-qvl use.
///
/// Keys: `pck_crl_issuer_chain`, `tcb_info_issuer_chain`, `qe_identity_issuer_chain` (PEM chains, leaf first);
/// `root_ca_crl`, `pck_crl` (DER, hex); `tcb_info`, `qe_identity` (the signed JSON text, exactly as signed);
/// `tcb_info_signature`, `qe_identity_signature` (ECDSA-P256 r‖s, hex).
public struct TDXCollateral: Codable, Hashable, Sendable {
  public var pckCRLIssuerChain: String
  public var rootCACRL: String
  public var pckCRL: String
  public var tcbInfoIssuerChain: String
  public var tcbInfo: String
  public var tcbInfoSignature: String
  public var qeIdentityIssuerChain: String
  public var qeIdentity: String
  public var qeIdentitySignature: String

  enum CodingKeys: String, CodingKey {
    case pckCRLIssuerChain = "pck_crl_issuer_chain"
    case rootCACRL = "root_ca_crl"
    case pckCRL = "pck_crl"
    case tcbInfoIssuerChain = "tcb_info_issuer_chain"
    case tcbInfo = "tcb_info"
    case tcbInfoSignature = "tcb_info_signature"
    case qeIdentityIssuerChain = "qe_identity_issuer_chain"
    case qeIdentity = "qe_identity"
    case qeIdentitySignature = "qe_identity_signature"
  }

  public init(
    pckCRLIssuerChain: String, rootCACRL: String, pckCRL: String, tcbInfoIssuerChain: String, tcbInfo: String,
    tcbInfoSignature: String, qeIdentityIssuerChain: String, qeIdentity: String, qeIdentitySignature: String
  ) {
    self.pckCRLIssuerChain = pckCRLIssuerChain
    self.rootCACRL = rootCACRL
    self.pckCRL = pckCRL
    self.tcbInfoIssuerChain = tcbInfoIssuerChain
    self.tcbInfo = tcbInfo
    self.tcbInfoSignature = tcbInfoSignature
    self.qeIdentityIssuerChain = qeIdentityIssuerChain
    self.qeIdentity = qeIdentity
    self.qeIdentitySignature = qeIdentitySignature
  }

  /// Decodes collateral JSON.
  /// - Throws: ``CocoonError`` (`invalidArgument`) when the JSON lacks a field or has the wrong shape.
  public init(json: Data) throws(CocoonError) {
    do {
      self = try JSONDecoder().decode(Self.self, from: json)
    } catch {
      throw CocoonError(
        .invalidArgument,
        "TDX collateral: not the expected JSON object (keys: \(CodingKeys.allNames.joined(separator: ", ")))")
    }
  }

  /// Reads collateral JSON from a file.
  public init(contentsOf path: String) throws(CocoonError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CocoonError(.io, "TDX collateral: cannot read '\(path)'")
    }
    try self.init(json: data)
  }

  /// The JSON encoding, keys sorted.
  public func jsonData() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)) ?? Data()
  }
}

extension TDXCollateral.CodingKeys: CaseIterable {
  static var allNames: [String] { allCases.map(\.rawValue) }
}
