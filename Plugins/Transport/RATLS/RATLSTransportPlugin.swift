public import CocoonCore
import Foundation
import Logging

/// `ratls`: mutual TLS 1.3 with attested, short-lived self-signed certificates (RA-TLS). The production transport.
public enum RATLSTransportPlugin: TransportPlugin {
  /// Options under `transport.options` (snake_case in YAML).
  public struct Options: Decodable, Sendable {
    /// How long each issued certificate is valid, in seconds (default 3600, accepted 60…604800). Listeners
    /// re-issue (fresh key and evidence) once a quarter of the lifetime is left.
    public var certificateLifetimeSeconds: Int?
    /// The largest frame accepted or sent, in bytes (default 16 MiB, accepted 1024…268435456).
    public var maxFrameBytes: Int?
    /// Whether clients must present attestation evidence too (default false: clients are not attested).
    public var requireClientEvidence: Bool?
    /// How long a handshake, the peer's attestation check included, may take, in seconds (default 30, accepted
    /// 1…600). A TDX check that fetches collateral from a slow PCCS may need more.
    public var handshakeTimeoutSeconds: Int?
  }

  public static let name = "ratls"
  public static let summary = "mutual TLS 1.3 with attestation evidence in short-lived certificates (RA-TLS)"

  public static func make(options: Options, context: PluginContext) async throws -> any Transport {
    let lifetime = options.certificateLifetimeSeconds ?? 3600
    guard (60...604_800).contains(lifetime) else {
      throw CocoonError(
        .invalidPluginOptions, "certificate_lifetime_seconds \(lifetime) is out of range; accepted: 60…604800")
    }
    let maximum = options.maxFrameBytes ?? 16 << 20
    guard (1024...(256 << 20)).contains(maximum) else {
      throw CocoonError(.invalidPluginOptions, "max_frame_bytes \(maximum) is out of range; accepted: 1024…268435456")
    }
    let handshake = options.handshakeTimeoutSeconds ?? 30
    guard (1...600).contains(handshake) else {
      throw CocoonError(
        .invalidPluginOptions, "handshake_timeout_seconds \(handshake) is out of range; accepted: 1…600")
    }
    return RATLSTransport(
      certificateLifetime: TimeInterval(lifetime), maximumFrameLength: maximum,
      requireClientEvidence: options.requireClientEvidence ?? false, handshakeTimeout: .seconds(handshake),
      logger: context.logger)
  }
}
