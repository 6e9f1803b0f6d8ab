import CocoonCore
import Foundation
import Logging
import NIOSSL
import Synchronization

/// A credential with its TLS contexts, ready to use for new connections.
struct RATLSActiveCredential: Sendable {
  let credential: RATLSCredential
  let serverContext: NIOSSLContext
  let clientContext: NIOSSLContext

  init(_ credential: RATLSCredential) throws {
    self.credential = credential
    serverContext = try credential.makeTLSContext(isServer: true)
    clientContext = try credential.makeTLSContext(isServer: false)
  }
}

/// Issues this process's RA-TLS credential lazily, one per role, and re-issues it (fresh key, claims and evidence)
/// once less than a quarter of its lifetime is left, so new connections never present a nearly expired certificate.
actor RATLSCredentialStore {
  private let lifetime: TimeInterval
  private let now: @Sendable () -> Date
  private var current: [Role: RATLSActiveCredential] = [:]
  private var pending: [Role: Task<RATLSActiveCredential, any Error>] = [:]

  init(lifetime: TimeInterval, now: @escaping @Sendable () -> Date) {
    self.lifetime = lifetime
    self.now = now
  }

  /// When a credential valid until `notAfter` should be replaced.
  func renewalDate(for credential: RATLSActiveCredential) -> Date {
    credential.credential.notAfter.addingTimeInterval(-lifetime / 4)
  }

  /// The credential to present for `security.role` now, issuing a fresh one when none is held or it is near expiry.
  func credential(for security: TransportSecurity) async throws -> RATLSActiveCredential {
    if let held = current[security.role], now() < renewalDate(for: held) { return held }
    if let task = pending[security.role] { return try await task.value }
    let lifetime = self.lifetime
    let issuedAt = now()
    let task = Task {
      try RATLSActiveCredential(try await RATLSCredential.issue(security: security, lifetime: lifetime, now: issuedAt))
    }
    pending[security.role] = task
    defer { pending[security.role] = nil }
    let fresh = try await task.value
    current[security.role] = fresh
    return fresh
  }
}

/// The credential a listener presents to new connections; swapped when re-issued.
final class RATLSListenerCredential: Sendable {
  private let active: Mutex<RATLSActiveCredential>

  init(_ credential: RATLSActiveCredential) { active = Mutex(credential) }

  var current: RATLSActiveCredential {
    get { active.withLock { $0 } }
  }

  func replace(with credential: RATLSActiveCredential) { active.withLock { $0 = credential } }
}
