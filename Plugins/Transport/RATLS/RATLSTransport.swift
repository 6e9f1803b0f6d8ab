public import CocoonCore
import CocoonWire
public import Foundation
public import Logging
import NIOCore
import NIOSSL

/// Mutual TLS 1.3 whose certificates carry attestation evidence bound to the TLS key (see DESIGN.md §5).
///
/// Each side presents a short-lived self-signed certificate (``RATLSCredential``) and verifies the peer's with
/// ``RATLSPeerVerifier`` inside the TLS handshake, so a refused peer gets a TLS alert. After the handshake each side
/// sends one preamble frame, so ``connect(to:expecting:security:body:)`` returns only once the listener accepted us.
public struct RATLSTransport: Transport {
  /// The largest frame accepted or sent, in bytes.
  public let maximumFrameLength: Int
  /// Verifies peers and caches the results.
  public let verifier: RATLSPeerVerifier
  let logger: Logger
  let now: @Sendable () -> Date
  let credentials: RATLSCredentialStore
  /// How long the TLS handshake (with the peer's attestation check) and the preamble exchange may take before the
  /// connection is closed.
  let handshakeTimeout: TimeAmount

  /// - Parameters:
  ///   - certificateLifetime: how long each issued certificate is valid, in seconds.
  ///   - handshakeTimeout: how long a handshake, attestation check included, may take.
  ///   - now: the clock certificates are issued and verified against (tests move it).
  public init(
    certificateLifetime: TimeInterval = 3600, maximumFrameLength: Int = 16 << 20, requireClientEvidence: Bool = false,
    handshakeTimeout: Duration = .seconds(30), logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.maximumFrameLength = maximumFrameLength
    let (seconds, attoseconds) = handshakeTimeout.components
    self.handshakeTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    self.verifier = RATLSPeerVerifier(requireClientEvidence: requireClientEvidence)
    self.logger = logger
    self.now = now
    self.credentials = RATLSCredentialStore(lifetime: certificateLifetime, now: now)
  }

  /// The preamble each side sends as its first frame once TLS is up.
  static let preamble = Data("cocoon-ratls/1".utf8)

  public func serve(
    on endpoint: Endpoint, security: TransportSecurity, bound: @escaping @Sendable (Endpoint) -> Void,
    handler: @escaping @Sendable (any Connection) async -> Void
  ) async throws {
    let active = RATLSListenerCredential(try await credentials.credential(for: security))
    let (verifier, logger, now) = (self.verifier, self.logger, self.now)
    let pending = RATLSPendingOutcomes()
    let runner = FramedTransportRunner(maximumFrameLength: maximumFrameLength) { channel, _ in
      let outcome = RATLSPeerOutcome()
      let callback = Self.verification(
        outcome: outcome, expecting: nil, security: security, verifier: verifier, logger: logger, now: now)
      let context = active.current.serverContext
      try channel.pipeline.syncOperations.addHandlers([
        NIOSSLServerHandler(context: context, customVerificationCallback: callback), outcome,
      ])
      pending.insert(outcome, for: channel)
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await renew(active, security: security) }
      try await runner.serve(
        on: endpoint, logger: logger,
        identify: { [handshakeTimeout] in
          try await Self.identify($0, outcome: pending.take(for: $0.channel), timeout: handshakeTimeout)
        },
        bound: bound, handler: handler)
      group.cancelAll()
    }
  }

  /// Replaces the listener's credential whenever it nears expiry, until cancelled.
  private func renew(_ active: RATLSListenerCredential, security: TransportSecurity) async {
    while !Task.isCancelled {
      let due = await credentials.renewalDate(for: active.current)
      let wait = max(due.timeIntervalSince(now()), 1)
      do { try await Task.sleep(for: .seconds(wait)) } catch { return }
      do {
        let fresh = try await credentials.credential(for: security)
        active.replace(with: fresh)
        logger.info("ratls: issued a fresh certificate", metadata: ["not_after": "\(fresh.credential.notAfter)"])
      } catch {
        logger.error("ratls: cannot re-issue the certificate; retrying", metadata: ["reason": "\(error)"])
      }
    }
  }

  public func connect<Result: Sendable>(
    to endpoint: Endpoint, expecting role: Role, security: TransportSecurity,
    body: @Sendable (any Connection) async throws -> Result
  ) async throws -> Result {
    let context = try await credentials.credential(for: security).clientContext
    let (verifier, logger, now) = (self.verifier, self.logger, self.now)
    // One connection per runner: the outcome is shared by the handler and the identification directly, so a
    // refusal is reported even when the channel closed before identification ran.
    let outcome = RATLSPeerOutcome()
    let callback = Self.verification(
      outcome: outcome, expecting: role, security: security, verifier: verifier, logger: logger, now: now)
    let runner = FramedTransportRunner(maximumFrameLength: maximumFrameLength) { channel, _ in
      try channel.pipeline.syncOperations.addHandler(
        try NIOSSLClientHandler(context: context, serverHostname: nil, customVerificationCallback: callback))
    }
    return try await runner.connect(
      to: endpoint, identify: { [handshakeTimeout] in try await Self.identify($0, outcome: outcome, timeout: handshakeTimeout) },
      body: body)
  }

  /// The NIOSSL custom verification: runs the RA-TLS checks on the peer's leaf certificate, records the outcome,
  /// and fails the handshake (the peer gets a TLS alert) when a check fails.
  static func verification(
    outcome: RATLSPeerOutcome, expecting role: Role?, security: TransportSecurity, verifier: RATLSPeerVerifier,
    logger: Logger, now: @escaping @Sendable () -> Date
  ) -> @Sendable ([NIOSSLCertificate], EventLoopPromise<NIOSSLVerificationResult>) -> Void {
    { certificates, promise in
      guard let leaf = certificates.first, let der = try? leaf.toDERBytes() else {
        outcome.record(.failure(RATLSCheck.certificate.refusal("the peer presented no certificate")))
        promise.succeed(.failed)
        return
      }
      promise.completeWithTask {
        do {
          let peer = try await verifier.verify(certificate: der, expecting: role, security: security, now: now())
          outcome.record(.success(peer))
          return .certificateVerified
        } catch {
          let refusal =
            error as? CocoonError ?? RATLSCheck.certificate.refusal("verification failed: \(error)")
          outcome.record(.failure(refusal))
          logger.notice("ratls: refused a peer", metadata: ["reason": "\(refusal.reason)"])
          return .failed
        }
      }
    }
  }

  /// Exchanges preambles once TLS is up and returns the verified peer; turns TLS failures into errors that name
  /// the failed check when this side refused, or say that the peer refused us.
  static func identify(_ connection: UnidentifiedConnection, outcome: RATLSPeerOutcome?, timeout: TimeAmount)
    async throws -> PeerInfo
  {
    guard let outcome else { throw CocoonError(.transportFailed, "no RA-TLS state for this connection") }
    let remote = outcome.remote ?? connection.channel.remoteAddress?.description ?? "unknown"
    let channel = connection.channel
    let deadline = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    defer { deadline.cancel() }
    let received: Data?
    do {
      try await connection.send(preamble)
      received = try await connection.receive()
    } catch {
      if case .failure(let refusal)? = outcome.result { throw refusal }
      let reason = describe(outcome.firstError ?? "\(error)")
      throw CocoonError(.transportFailed, "the RA-TLS handshake with \(remote) failed: \(reason)")
    }
    if case .failure(let refusal)? = outcome.result { throw refusal }
    guard let received else {
      throw CocoonError(
        .transportFailed,
        "\(remote) closed the connection during the RA-TLS handshake; it may have refused this process's "
          + "certificate (see its log)")
    }
    guard received == preamble, case .success(let peer)? = outcome.result else {
      throw CocoonError(.transportFailed, "\(remote) did not start with the cocoon-ratls/1 preamble")
    }
    return PeerInfo(role: peer.claims.role, identity: peer.identity, remoteAddress: remote)
  }

  /// A TLS error in words; an alert from the peer most often means it refused our certificate.
  static func describe(_ text: String) -> String {
    if text.contains("WRONG_VERSION_NUMBER") || text.contains("UNSUPPORTED_PROTOCOL") {
      return "the peer does not speak TLS 1.3 (a plaintext peer such as the tcp transport, or older TLS): \(text)"
    }
    if text.uppercased().contains("ALERT") {
      return "the peer sent a TLS alert (it refused this process's certificate or TLS version; see its log): \(text)"
    }
    return text
  }
}
