public import SwiftASN1

/// The object identifiers of the two critical X.509 extensions a Cocoon RA-TLS certificate carries.
///
/// They live in one private arc, `1.3.6.1.4.1.58270.1` (Cocoon, RA-TLS); the IANA private enterprise number must be
/// registered before the wire format is frozen (see the plugin's README).
public enum RATLSObjectIdentifiers {
  /// The arc both extensions live under.
  public static let arc: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 58270, 1]
  /// `RATLSClaims` (DER): key, role, validity, config hash. Its SHA-512 is the evidence's report data.
  public static let claims: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 58270, 1, 1]
  /// `RATLSEvidence` (DER): TEE kind, payload, auxiliary. Absent for a client without a TEE.
  public static let evidence: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 58270, 1, 2]
}
