public import Foundation

/// What a transport needs to prove who this process is and to judge its peers.
public struct TransportSecurity: Sendable {
  /// This process's role, carried in its claims.
  public var role: Role
  /// Produces this process's evidence (bound to the transport's fresh key); nil for a client outside a TEE,
  /// which then presents no evidence (coordinators accept clients without it).
  public var provider: (any AttestationProvider)?
  /// Verifiers by TEE kind, for the evidence peers present.
  public var verifiers: [TEEKind: any AttestationVerifier]
  /// Which identities are accepted for each peer role.
  public var policy: AttestationPolicy
  /// SHA-256 of this process's composed configuration, carried in its claims.
  public var configHash: Data

  public init(
    role: Role, provider: (any AttestationProvider)?, verifiers: [TEEKind: any AttestationVerifier],
    policy: AttestationPolicy, configHash: Data
  ) {
    self.role = role
    self.provider = provider
    self.verifiers = verifiers
    self.policy = policy
    self.configHash = configHash
  }
}

/// The verified far end of a connection.
public struct PeerInfo: Hashable, Sendable {
  public var role: Role
  /// nil only for development transports that attest nothing.
  public var identity: AttestedIdentity?
  public var remoteAddress: String

  public init(role: Role, identity: AttestedIdentity?, remoteAddress: String) {
    self.role = role
    self.identity = identity
    self.remoteAddress = remoteAddress
  }
}

/// An established, authenticated connection carrying whole frames in both directions.
public protocol Connection: Sendable {
  var peer: PeerInfo { get }
  /// The next frame from the peer, in order; nil once the peer has closed. Throws when the connection fails.
  /// Frames are read only as fast as this is called, so a slow reader slows the sender (back-pressure).
  /// Call it from one task at a time.
  func receive() async throws -> Data?
  /// Sends one frame; suspends while the peer is not reading (back-pressure).
  func send(_ frame: Data) async throws
  /// Closes the connection.
  func close() async
}

/// Carries frames between roles: RA-TLS in production, plaintext TCP in development.
///
/// Both operations are scoped: a listener lives as long as ``serve(on:security:bound:handler:)`` runs (cancel the
/// task to stop it), and a connection as long as the `body` given to ``connect(to:expecting:security:body:)``.
public protocol Transport: Sendable {
  /// Listens on `endpoint` until the calling task is cancelled. Calls `bound` with the bound address once
  /// listening, then `handler` (concurrently) for each peer that passed verification; the connection closes when
  /// `handler` returns.
  func serve(
    on endpoint: Endpoint, security: TransportSecurity, bound: @escaping @Sendable (Endpoint) -> Void,
    handler: @escaping @Sendable (any Connection) async -> Void
  ) async throws

  /// Connects to a peer expected to hold `role`, verifies it, and runs `body` with the connection.
  /// - Throws: ``CocoonError`` with code `transportFailed` or `attestationFailed` naming the failed check.
  func connect<Result: Sendable>(
    to endpoint: Endpoint, expecting role: Role, security: TransportSecurity,
    body: @Sendable (any Connection) async throws -> Result
  ) async throws -> Result
}
