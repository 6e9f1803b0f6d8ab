public import CocoonCore
import CocoonRuntime
public import CocoonWire
public import Logging
public import ServiceLifecycle
import Synchronization

/// Keeps the node connected to one coordinator: connects out, says which models it serves, serves queries, and
/// reconnects with exponential backoff (and jitter) whenever the connection fails.
public struct CoordinatorLinkService: Service {
  public let endpoint: Endpoint
  let transport: any Transport
  let security: TransportSecurity
  let models: LoadedModels
  let handler: NodeQueryHandler
  let maxActiveRequests: Int
  let payments: NodePayments?
  let settings: WireSession.Settings
  let logger: Logger

  public init(
    endpoint: Endpoint, transport: any Transport, security: TransportSecurity, models: LoadedModels,
    handler: NodeQueryHandler, maxActiveRequests: Int, payments: NodePayments? = nil,
    settings: WireSession.Settings = .init(), logger: Logger
  ) {
    self.payments = payments
    self.endpoint = endpoint
    self.transport = transport
    self.security = security
    self.models = models
    self.handler = handler
    self.maxActiveRequests = maxActiveRequests
    self.settings = settings
    var logger = logger
    logger[metadataKey: "coordinator"] = "\(endpoint)"
    self.logger = logger
  }

  public func run() async throws {
    try await cancelWhenGracefulShutdown {
      // A shutdown or a failed load ends the wait: the link has nothing to serve.
      do { try await models.waitUntilLoaded() } catch is CancellationError { return }
      var backoff = ReconnectBackoff()
      while !Task.isCancelled {
        let started = ContinuousClock.now
        let connected = ConnectedFlag()
        do {
          try await connectOnce(connected)
        } catch is CancellationError {
          return
        } catch {
          logger.warning("coordinator connection failed", metadata: ["reason": "\(error)"])
        }
        // Back off on consecutive failures; a connection that got through the handshake starts over.
        if connected.isSet || ContinuousClock.now - started > .seconds(30) { backoff.reset() }
        // A shutdown during the backoff ends the service normally.
        do { try await Task.sleep(for: backoff.next()) } catch { return }
      }
    }
  }

  private func connectOnce(_ connected: ConnectedFlag) async throws {
    let served = await models.served()
    var node = NodeHello(
      models: served.map {
        ServedModel(name: $0.spec.name.rawValue, weightsSHA256: $0.spec.sha256 ?? "", contextLength: $0.contextLength)
      },
      maxActiveRequests: maxActiveRequests)
    await payments?.fill(&node, for: endpoint)
    let hello = PeerHello(role: .node, node: node)
    try await transport.connect(to: endpoint, expecting: .coordinator, security: security) { [hello] connection in
      let (session, ack) = try await WireSession.connect(connection, hello: hello, settings: settings, logger: logger)
      let vouchers = try await payments?.receiver(for: ack)
      connected.set()
      logger.info("connected to coordinator", metadata: ["models": "\(served.map(\.spec.name.rawValue))"])
      try await session.run { stream in await handler.handle(stream, vouchers: vouchers) }
    }
  }
}

/// Set once a connection got through the handshake.
final class ConnectedFlag: Sendable {
  private let value = Atomic<Bool>(false)
  var isSet: Bool { value.load(ordering: .relaxed) }
  func set() { value.store(true, ordering: .relaxed) }
}
