import CocoonAccounting
public import CocoonCore
public import CocoonWire
public import Logging
public import ServiceLifecycle
import Synchronization

/// Accepts nodes and clients on the coordinator's endpoint: verifies them through the transport, performs the
/// handshake, adds nodes to the pool and serves clients' requests.
public final class CoordinatorServer: Service, Sendable {
  private let endpoint: Endpoint
  private let transport: any Transport
  private let security: TransportSecurity
  public let pool: NodePool
  private let clients: ClientRequestHandler
  private let accounting: CoordinatorAccounting?
  private let allowedModels: [String: String]?
  private let networkID: String
  private let settings: WireSession.Settings
  private let logger: Logger
  private let boundEndpoint = Mutex<Endpoint?>(nil)

  /// - Parameters:
  ///   - allowedModels: model name → weights SHA-256 from the registry; nil accepts any model.
  ///   - accounting: the payments (the same object `clients` charges through); nil serves without payments.
  public init(
    endpoint: Endpoint, transport: any Transport, security: TransportSecurity, pool: NodePool,
    clients: ClientRequestHandler, accounting: CoordinatorAccounting? = nil, allowedModels: [String: String]?,
    networkID: String, settings: WireSession.Settings = .init(), logger: Logger
  ) {
    self.accounting = accounting
    self.endpoint = endpoint
    self.transport = transport
    self.security = security
    self.pool = pool
    self.clients = clients
    self.allowedModels = allowedModels
    self.networkID = networkID
    self.settings = settings
    self.logger = logger
  }

  /// The address actually bound (useful with port 0), once listening.
  public var listeningOn: Endpoint? { boundEndpoint.withLock { $0 } }

  /// Checks the accounting database against the ledger (a rolled-back one refuses to serve), then serves until
  /// shut down. A client or node that presents a voucher ahead of the database stops the coordinator.
  public func run() async throws {
    try await accounting?.prepare(endpoint: endpoint)
    try await cancelWhenGracefulShutdown {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await self.serve() }
        group.addTask {
          for await error in self.halts.stream {
            self.logger.critical("stopping: \(error.reason)")
            throw error
          }
        }
        try await group.next()
        group.cancelAll()
      }
    }
  }

  /// Reasons to stop serving at once (a rolled-back database seen at a reconnect).
  private let halts = AsyncStream.makeStream(of: CocoonError.self)

  private func serve() async throws {
    try await transport.serve(
      on: endpoint, security: security,
      bound: { bound in
        self.boundEndpoint.withLock { $0 = bound }
        self.logger.info("coordinator listening", metadata: ["endpoint": "\(bound)"])
      },
      handler: { connection in await self.serve(connection) })
  }

  private func serve(_ connection: any Connection) async {
    var logger = self.logger
    logger[metadataKey: "peer"] = "\(connection.peer.role)@\(connection.peer.remoteAddress)"
    do {
      var admitted = Admitted()
      let (session, hello) = try await WireSession.accept(connection, settings: settings, logger: logger) { hello in
        let (ack, peer) = try await self.admit(hello, peer: connection.peer)
        admitted = peer
        return ack
      }
      switch connection.peer.role {
      case .node:
        let node = hello.node ?? NodeHello(models: [], maxActiveRequests: 0)
        let id = await pool.add(
          session: session, models: node.models, maxActive: node.maxActiveRequests,
          address: connection.peer.remoteAddress, terms: admitted.nodeTerms)
        logger.info("node joined", metadata: ["models": "\(node.models.map(\.name))"])
        do {
          try await session.run { stream in
            try? await stream.send(.error(CocoonError(.invalidArgument, "nodes cannot open streams")))
          }
        } catch {
          await pool.remove(id)
          throw error
        }
        await pool.remove(id)
      case .client:
        logger.info("client connected", metadata: ["account": "\(admitted.payer ?? "none")"])
        let payer = admitted.payer
        try await session.run { stream in await self.clients.handle(stream, payer: payer) }
      case .coordinator:
        throw CocoonError(.transportFailed, "coordinators do not connect to each other")
      }
    } catch let error as CocoonError where error.code == .rolledBack {
      halts.continuation.yield(error)
    } catch {
      logger.info("peer left", metadata: ["reason": "\(error)"])
    }
  }

  /// What the handshake learned about the peer's payments.
  private struct Admitted {
    var payer: String?
    var nodeTerms = NodeTerms()
  }

  private func admit(_ hello: PeerHello, peer: PeerInfo) async throws -> (HelloAcknowledgement, Admitted) {
    guard hello.role == peer.role else {
      throw CocoonError(
        .transportFailed, "the peer says it is a \(hello.role?.rawValue ?? "nothing") but attested as a \(peer.role)")
    }
    let node = hello.node ?? NodeHello(models: [], maxActiveRequests: 0)
    if peer.role == .node {
      guard node.maxActiveRequests > 0, !node.models.isEmpty else {
        throw CocoonError(.invalidArgument, "a node must serve at least one model and accept at least one request")
      }
      if let allowedModels {
        for model in node.models {
          guard let expected = allowedModels[model.name] else {
            throw CocoonError(.unknownModel, "model '\(model.name)' is not in the registry")
          }
          guard expected == model.weightsSHA256.lowercased() else {
            throw CocoonError(
              .unknownModel, "model '\(model.name)' has weights \(model.weightsSHA256), the registry allows \(expected)")
          }
        }
      }
    }
    var admitted = Admitted()
    if let accounting {
      switch peer.role {
      case .node: admitted.nodeTerms = try await accounting.admitNode(node)
      case .client: admitted.payer = try await accounting.admitClient(hello.client ?? ClientHello())
      case .coordinator: break
      }
    } else if peer.role == .node {
      admitted.nodeTerms = NodeTerms(
        ledgerAddress: node.ledgerAddress, priceCoefficient: node.priceCoefficient ?? Prices.basisPointsPerUnit)
    }
    let ledger = accounting.map {
      CoordinatorLedgerIdentity(address: $0.address, publicKey: $0.store.signer.publicKey)
    }
    return (HelloAcknowledgement(role: .coordinator, networkID: networkID, ledger: ledger), admitted)
  }
}
