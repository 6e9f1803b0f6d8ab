public import CocoonCore
import Logging

/// The `insecure` attestation plugin: no TEE, evidence is the report data. Refused unless both its options say
/// `insecure: true` and the deployment allows development-only plugins (`network.insecure: true`).
public enum InsecurePlugin: AttestationPlugin {
  /// Options under `attestation.options` in `cocoon.yaml`.
  public struct Options: Decodable, Sendable {
    /// Must be `true`: the operator's explicit acknowledgement that peers are not attested.
    public var insecure: Bool?

    public init(insecure: Bool? = nil) { self.insecure = insecure }
  }

  public static let name = "insecure"
  public static let summary = "no TEE: evidence is the report data itself (development only, needs insecure: true)"

  public static func make(options: Options, context: PluginContext) async throws -> AttestationSuite {
    guard options.insecure == true else {
      throw CocoonError(
        .invalidPluginOptions,
        "insecure: this attestation plugin proves nothing about the peer; it is accepted only with `insecure: true` in its options (development only)"
      )
    }
    guard context.insecureAllowed else {
      throw CocoonError(
        .invalidPluginOptions,
        "insecure: the deployment does not allow development-only plugins; set `network.insecure: true` to use it")
    }
    context.logger.warning(
      "attestation plugin 'insecure' in use: peers are NOT attested; never use this outside development",
      metadata: ["role": "\(context.role)"])
    return AttestationSuite(provider: InsecureProvider(), verifier: InsecureVerifier())
  }
}
