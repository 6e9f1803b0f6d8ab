public import CocoonCore
public import Foundation
public import SwiftASN1
public import X509
import Crypto

/// What a process states about itself in its RA-TLS certificate; SHA-512 of its DER is the evidence's report data.
///
/// Encoding (DER, version 1), the value of the critical extension ``RATLSObjectIdentifiers/claims``:
/// ```
/// RATLSClaims ::= SEQUENCE {
///   version     INTEGER,              -- 1
///   publicKey   SubjectPublicKeyInfo, -- the certificate's (and TLS) key
///   role        UTF8String,           -- "node" | "coordinator" | "client"
///   notBefore   INTEGER,              -- Unix seconds, equal to the certificate's notBefore
///   notAfter    INTEGER,              -- Unix seconds, equal to the certificate's notAfter
///   configHash  OCTET STRING          -- SHA-256 of the process's composed configuration
/// }
/// ```
public struct RATLSClaims: Hashable, Sendable, DERImplicitlyTaggable {
  /// The encoding version this build writes and reads.
  public static let version = 1

  public var publicKey: Certificate.PublicKey
  public var role: Role
  /// Unix seconds.
  public var notBefore: Int64
  /// Unix seconds.
  public var notAfter: Int64
  public var configHash: Data

  public init(publicKey: Certificate.PublicKey, role: Role, notBefore: Int64, notAfter: Int64, configHash: Data) {
    self.publicKey = publicKey
    self.role = role
    self.notBefore = notBefore
    self.notAfter = notAfter
    self.configHash = configHash
  }

  public static var defaultIdentifier: ASN1Identifier { .sequence }

  public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
    self = try DER.sequence(rootNode, identifier: identifier) { nodes in
      let version = try Int(derEncoded: &nodes)
      guard version == Self.version else {
        throw CocoonError(.attestationFailed, "claims version \(version) is not supported; accepted: \(Self.version)")
      }
      let key = try Certificate.PublicKey(derEncoded: &nodes)
      let roleText = String(try ASN1UTF8String(derEncoded: &nodes))
      guard let role = Role(rawValue: roleText) else {
        let accepted = Role.allCases.map(\.rawValue).joined(separator: ", ")
        throw CocoonError(.attestationFailed, "claims role '\(roleText)' is unknown; accepted: \(accepted)")
      }
      let notBefore = try Int64(derEncoded: &nodes)
      let notAfter = try Int64(derEncoded: &nodes)
      let hash = try ASN1OctetString(derEncoded: &nodes)
      return RATLSClaims(
        publicKey: key, role: role, notBefore: notBefore, notAfter: notAfter, configHash: Data(hash.bytes))
    }
  }

  public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
    try coder.appendConstructedNode(identifier: identifier) { coder in
      try coder.serialize(Self.version)
      try coder.serialize(publicKey)
      try coder.serialize(ASN1UTF8String(role.rawValue))
      try coder.serialize(notBefore)
      try coder.serialize(notAfter)
      try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(configHash)))
    }
  }

  /// The claims' DER encoding.
  public func derBytes() throws -> [UInt8] {
    var serializer = DER.Serializer()
    try serializer.serialize(self)
    return serializer.serializedBytes
  }

  /// The report data that binds encoded claims: SHA-512 of their DER (64 bytes).
  public static func reportData(binding encodedClaims: some DataProtocol) -> Data {
    Data(SHA512.hash(data: Array(encodedClaims)))
  }
}
