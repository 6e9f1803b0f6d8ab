public import CocoonCore
import Foundation
public import SwiftASN1

/// Attestation evidence as carried in an RA-TLS certificate.
///
/// Encoding (DER, version 1), the value of the critical extension ``RATLSObjectIdentifiers/evidence``:
/// ```
/// RATLSEvidence ::= SEQUENCE {
///   version    INTEGER,      -- 1
///   kind       UTF8String,   -- the TEE kind, e.g. "tdx", "sev-snp"
///   payload    OCTET STRING, -- the quote or report, as the hardware produced it
///   auxiliary  OCTET STRING  -- the attestation plugin's extra material (may be empty)
/// }
/// ```
public struct RATLSEvidence: Hashable, Sendable, DERImplicitlyTaggable {
  /// The encoding version this build writes and reads.
  public static let version = 1

  public var evidence: Evidence

  public init(_ evidence: Evidence) { self.evidence = evidence }

  public static var defaultIdentifier: ASN1Identifier { .sequence }

  public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
    self = try DER.sequence(rootNode, identifier: identifier) { nodes in
      let version = try Int(derEncoded: &nodes)
      guard version == Self.version else {
        throw CocoonError(.attestationFailed, "evidence version \(version) is not supported; accepted: \(Self.version)")
      }
      let kind = String(try ASN1UTF8String(derEncoded: &nodes))
      let payload = try ASN1OctetString(derEncoded: &nodes)
      let auxiliary = try ASN1OctetString(derEncoded: &nodes)
      return RATLSEvidence(
        Evidence(kind: TEEKind(kind), payload: Data(payload.bytes), auxiliary: Data(auxiliary.bytes)))
    }
  }

  public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
    try coder.appendConstructedNode(identifier: identifier) { coder in
      try coder.serialize(Self.version)
      try coder.serialize(ASN1UTF8String(evidence.kind.rawValue))
      try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(evidence.payload)))
      try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(evidence.auxiliary)))
    }
  }

  /// The DER encoding.
  public func derBytes() throws -> [UInt8] {
    var serializer = DER.Serializer()
    try serializer.serialize(self)
    return serializer.serializedBytes
  }
}
