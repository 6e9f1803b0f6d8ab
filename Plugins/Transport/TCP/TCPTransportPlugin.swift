public import CocoonCore
import CocoonWire
import Foundation
import Logging
import NIOCore

/// `tcp`: plaintext framed TCP. Development only: peers are not attested and traffic is readable by anyone on the
/// path. Refused unless both `network.insecure: true` and the plugin's own `insecure: true` are set.
public enum TCPTransportPlugin: TransportPlugin {
  /// Options under `transport.options`.
  public struct Options: Decodable, Sendable {
    /// Must be true: an explicit acknowledgement that this transport is not confidential.
    public var insecure: Bool?
    /// The largest frame accepted or sent, in bytes (default 16 MiB).
    public var maxFrameBytes: Int?

    public init(insecure: Bool? = nil, maxFrameBytes: Int? = nil) {
      self.insecure = insecure
      self.maxFrameBytes = maxFrameBytes
    }
  }

  public static let name = "tcp"
  public static let summary = "plaintext TCP, development only (no attestation, no encryption)"

  public static func make(options: Options, context: PluginContext) async throws -> any Transport {
    guard options.insecure == true, context.insecureAllowed else {
      throw CocoonError(
        .invalidPluginOptions,
        "the tcp transport sends prompts and answers in plaintext; it is refused unless network.insecure is true and "
          + "the transport's options say insecure: true — use the ratls transport outside development")
    }
    let maximum = options.maxFrameBytes ?? 16 << 20
    guard (1024...(256 << 20)).contains(maximum) else {
      throw CocoonError(.invalidPluginOptions, "max_frame_bytes \(maximum) is out of range; accepted: 1024…268435456")
    }
    context.logger.warning("tcp transport: connections are NOT encrypted or attested (development only)")
    return TCPTransport(maximumFrameLength: maximum, logger: context.logger)
  }
}

/// Plaintext framed TCP; each side's first frame states its role.
struct TCPTransport: Transport {
  let maximumFrameLength: Int
  let logger: Logger

  private var runner: FramedTransportRunner {
    FramedTransportRunner(maximumFrameLength: maximumFrameLength) { _, _ in }
  }

  func serve(
    on endpoint: Endpoint, security: TransportSecurity, bound: @escaping @Sendable (Endpoint) -> Void,
    handler: @escaping @Sendable (any Connection) async -> Void
  ) async throws {
    let role = security.role
    try await runner.serve(
      on: endpoint, logger: logger, identify: { try await Self.exchangeRoles($0, own: role, expected: nil) },
      bound: bound, handler: handler)
  }

  func connect<Result: Sendable>(
    to endpoint: Endpoint, expecting role: Role, security: TransportSecurity,
    body: @Sendable (any Connection) async throws -> Result
  ) async throws -> Result {
    let own = security.role
    return try await runner.connect(
      to: endpoint, identify: { try await Self.exchangeRoles($0, own: own, expected: role) }, body: body)
  }

  static let preamble = "cocoon-tcp/1 role="

  /// Sends this side's role and reads the peer's.
  static func exchangeRoles(_ connection: UnidentifiedConnection, own: Role, expected: Role?) async throws -> PeerInfo {
    try await connection.send(Data((preamble + own.rawValue).utf8))
    guard let frame = try await connection.receive(), let text = String(data: frame, encoding: .utf8),
      text.hasPrefix(preamble), let role = Role(rawValue: String(text.dropFirst(preamble.count)))
    else {
      throw CocoonError(.transportFailed, "the peer did not start with a cocoon tcp preamble (is it using TLS?)")
    }
    if let expected, role != expected {
      throw CocoonError(.transportFailed, "the peer is a \(role), expected a \(expected)")
    }
    return PeerInfo(role: role, identity: nil, remoteAddress: connection.channel.remoteAddress?.description ?? "")
  }
}
