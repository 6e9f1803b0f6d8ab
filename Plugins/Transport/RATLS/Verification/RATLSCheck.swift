import CocoonCore

/// The checks an RA-TLS peer certificate goes through, in order; a refusal names the one that failed.
public enum RATLSCheck: String, Sendable, CaseIterable, CustomStringConvertible {
  /// The certificate parses, carries the critical claims extension, and no critical extension unknown here.
  case certificate
  /// The certificate's self-signature verifies under its own key.
  case signature
  /// Now is within the certificate's validity period, which equals the claims' not-before/not-after.
  case validity
  /// The claims' public key equals the certificate's (and so the TLS) key.
  case keyBinding = "key-binding"
  /// Evidence is present when the claimed role needs it, a verifier for its kind is configured, and it verifies.
  case evidence
  /// The report data the evidence binds equals SHA-512(claims).
  case reportData = "report-data"
  /// The claimed role is the one expected of this peer.
  case role
  /// The attested identity (TEE, image hash, TCB status) is allowed for the claimed role.
  case policy

  public var description: String { rawValue }

  /// An `attestationFailed` error naming this check.
  func refusal(_ detail: String) -> CocoonError {
    CocoonError(.attestationFailed, "RA-TLS check '\(rawValue)' failed: \(detail)")
  }
}
