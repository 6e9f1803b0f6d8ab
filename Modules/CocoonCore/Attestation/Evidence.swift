public import Foundation

/// Attestation evidence produced inside a TEE for 64 bytes of report data.
public struct Evidence: Hashable, Sendable, Codable {
  /// Which TEE produced it; selects the verifier.
  public var kind: TEEKind
  /// The quote or report, byte for byte as the hardware produced it.
  public var payload: Data
  /// Material the verifier may need beside the payload (for example a certificate chain), in the plugin's format.
  public var auxiliary: Data

  public init(kind: TEEKind, payload: Data, auxiliary: Data = Data()) {
    self.kind = kind
    self.payload = payload
    self.auxiliary = auxiliary
  }

  /// The length of report data that evidence binds.
  public static let reportDataLength = 64
}
