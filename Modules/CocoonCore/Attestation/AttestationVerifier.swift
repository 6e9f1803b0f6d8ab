public import Foundation

/// Verifies evidence of one TEE kind.
public protocol AttestationVerifier: Sendable {
  /// The TEE kind whose evidence this verifier accepts.
  var kind: TEEKind { get }

  /// Verifies `evidence` and that it binds `reportData`, as of `now`.
  /// - Returns: the identity the evidence proves.
  /// - Throws: ``CocoonError`` with code `attestationFailed` whose reason names the check that failed.
  func verify(_ evidence: Evidence, reportData: Data, now: Date) async throws -> AttestedIdentity
}

/// What an attestation plugin provides: a way to produce evidence and a way to check it.
public struct AttestationSuite: Sendable {
  public var provider: any AttestationProvider
  public var verifier: any AttestationVerifier

  public init(provider: any AttestationProvider, verifier: any AttestationVerifier) {
    self.provider = provider
    self.verifier = verifier
  }
}
