import CocoonAccounting
public import CocoonCore
import CocoonRuntime
public import CocoonWire
import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// The client's connection to the network: keeps a session with one of the configured coordinators (reconnecting
/// with backoff, trying the next on failure) and runs requests over it.
public final class CoordinatorLink: Service, InferenceGateway, Sendable {
  private let endpoints: [Endpoint]
  private let transport: any Transport
  private let security: TransportSecurity
  private let settings: WireSession.Settings
  private let connectWait: Duration
  private let logger: Logger
  private let payments: ClientPayments?
  private let current = Mutex<WireSession?>(nil)
  private let receiver = Mutex<VoucherReceiver?>(nil)
  /// Why the last connection attempt failed, to tell requests that find no connection.
  private let lastFailure = Mutex<String?>(nil)
  private let waiters = Mutex<[UUID: CheckedContinuation<WireSession, any Error>]>([:])

  /// - Parameters:
  ///   - payments: the account that pays; nil connects without one (only coordinators that do not charge serve).
  ///   - connectWait: how long a request waits for a coordinator connection before failing.
  public init(
    endpoints: [Endpoint], transport: any Transport, security: TransportSecurity, payments: ClientPayments? = nil,
    settings: WireSession.Settings = .init(), connectWait: Duration = .seconds(10), logger: Logger
  ) {
    self.payments = payments
    self.endpoints = endpoints
    self.transport = transport
    self.security = security
    self.settings = settings
    self.connectWait = connectWait
    self.logger = logger
  }

  public func run() async throws {
    guard !endpoints.isEmpty else {
      throw CocoonError(.invalidArgument, "client.coordinators is empty; list at least one coordinator endpoint")
    }
    await cancelWhenGracefulShutdown {
      var index = 0
      var backoff = ReconnectBackoff()
      while !Task.isCancelled {
        let endpoint = self.endpoints[index % self.endpoints.count]
        let started = ContinuousClock.now
        do {
          try await self.connect(to: endpoint)
        } catch is CancellationError {
          return
        } catch {
          self.logger.warning("coordinator connection failed", metadata: ["coordinator": "\(endpoint)", "reason": "\(error)"])
          let reason = (error as? CocoonError)?.reason ?? "\(error)"
          self.lastFailure.withLock { $0 = "\(endpoint): \(reason)" }
        }
        // Back off on consecutive failures; a connection that got through the handshake starts over.
        let wasConnected = self.current.withLock { current in
          defer { current = nil }
          return current != nil
        }
        if wasConnected || ContinuousClock.now - started > .seconds(30) { backoff.reset() }
        index += 1
        // A shutdown during the backoff ends the service normally.
        do { try await Task.sleep(for: backoff.next()) } catch { return }
      }
    }
  }

  private func connect(to endpoint: Endpoint) async throws {
    try await transport.connect(to: endpoint, expecting: .coordinator, security: security) { connection in
      var hello = PeerHello(role: .client)
      if let payments = self.payments { hello.client = try await payments.hello(for: endpoint) }
      let (session, ack) = try await WireSession.connect(
        connection, hello: hello, settings: self.settings, logger: self.logger)
      let receiver = try await self.payments?.receiver(for: ack)
      self.receiver.withLock { $0 = receiver }
      self.logger.info("connected to coordinator", metadata: ["coordinator": "\(endpoint)", "network": "\(ack.networkID)"])
      self.publish(session)
      try await session.run { stream in
        try? await stream.send(.error(CocoonError(.invalidArgument, "clients do not serve streams")))
      }
    }
  }

  private func publish(_ session: WireSession) {
    current.withLock { $0 = session }
    let pending = waiters.withLock { waiters in
      defer { waiters.removeAll() }
      return Array(waiters.values)
    }
    pending.forEach { $0.resume(returning: session) }
  }

  /// The current session, waiting up to `connectWait` for one.
  func session() async throws -> WireSession {
    if let session = current.withLock({ $0 }) { return session }
    let id = UUID()
    let wait = connectWait
    let endpoints = self.endpoints
    return try await withThrowingTaskGroup(of: WireSession.self) { group in
      group.addTask {
        try await withCheckedThrowingContinuation { continuation in
          if let session = self.current.withLock({ $0 }) {
            continuation.resume(returning: session)
          } else {
            self.waiters.withLock { $0[id] = continuation }
          }
        }
      }
      group.addTask {
        try await Task.sleep(for: wait)
        let continuation = self.waiters.withLock { $0.removeValue(forKey: id) }
        let tried = endpoints.map(\.description).joined(separator: ", ")
        let error = CocoonError(
          .noNodeAvailable,
          "not connected to any coordinator (tried \(tried)); "
            + (self.lastFailure.withLock { $0 }.map { "last attempt: \($0)" } ?? "is cocoon-coordinator running?"))
        continuation?.resume(throwing: error)
        throw error
      }
      let session = try await group.next()!
      group.cancelAll()
      return session
    }
  }

  /// Opens a stream on the current session; a session that died under it is a clear `peerLost`, not a socket error.
  private func open(_ first: WireMessage) async throws -> WireStream {
    let session = try await session()
    do { return try await session.open(first) } catch let error as CocoonError { throw error } catch {
      throw CocoonError(.peerLost, "the connection to the coordinator was lost (\(error)); it reconnects: retry the request")
    }
  }

  /// Models servable through the coordinator now.
  public func models() async throws -> [ModelID] {
    let stream = try await open(.modelListRequest)
    guard let reply = try await stream.next() else { throw CocoonError(.peerLost, "the coordinator went away") }
    switch reply {
    case .modelList(let models): return models.map { ModelID($0.name) }
    case .error(let error): throw error
    default: throw CocoonError(.transportFailed, "unexpected answer to a model list request")
    }
  }

  /// Runs one request through the network. Ending the returned stream early cancels the request upstream.
  public func generate(_ request: GenerationRequest) async throws -> AsyncThrowingStream<GenerationEvent, any Error> {
    let requestID = UUID().uuidString.lowercased()
    let stream = try await open(.query(WireQuery(requestID: requestID, request: request)))
    let receiver = self.receiver.withLock { $0 }
    let logger = self.logger
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          while let message = try await stream.next() {
            switch message {
            case .answerPart(let text):
              continuation.yield(.delta(text))
            case .finalAnswer(let answer):
              if let voucher = answer.voucher { await receiver?.keep(voucher, logger: logger) }
              continuation.yield(.finished(answer.finishReason, answer.usage))
              continuation.finish()
              return
            case .error(let error):
              throw error
            default:
              continue
            }
          }
          throw CocoonError(.peerLost, "the coordinator ended the answer without a final message")
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { termination in
        task.cancel()
        if case .cancelled = termination {
          Task { await stream.cancel(reason: "the application stopped reading") }
        }
      }
    }
  }
}
