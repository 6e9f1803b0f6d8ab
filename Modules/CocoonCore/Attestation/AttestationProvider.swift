public import Foundation

/// Produces attestation evidence inside a TEE.
public protocol AttestationProvider: Sendable {
  /// The TEE this provider attests.
  var kind: TEEKind { get }

  /// Produces evidence binding `reportData` (exactly 64 bytes).
  /// - Throws: ``CocoonError`` when the TEE is not available here (naming what is missing) or refuses.
  func evidence(reportData: Data) async throws -> Evidence
}
