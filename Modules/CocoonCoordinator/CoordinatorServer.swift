public import CocoonCore
public import CocoonWire
import SwiftProtobuf
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
  private let allowedModels: [String: String]?
  private let networkID: String
  private let settings: WireSession.Settings
  private let logger: Logger
  private let boundEndpoint = Mutex<Endpoint?>(nil)

  /// - Parameter allowedModels: model name → weights SHA-256 from the registry; nil accepts any model.
  public init(
    endpoint: Endpoint, transport: any Transport, security: TransportSecurity, pool: NodePool,
    clients: ClientRequestHandler, allowedModels: [String: String]?, networkID: String,
    settings: WireSession.Settings = .init(), logger: Logger
  ) {
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

  public func run() async throws {
    try await cancelWhenGracefulShutdown {
      try await self.transport.serve(
        on: self.endpoint, security: self.security,
        bound: { bound in
          self.boundEndpoint.withLock { $0 = bound }
          self.logger.info("coordinator listening", metadata: ["endpoint": "\(bound)"])
        },
        handler: { connection in await self.serve(connection) })
    }
  }

  private func serve(_ connection: any Connection) async {
    var logger = self.logger
    logger[metadataKey: "peer"] = "\(connection.peer.role)@\(connection.peer.remoteAddress)"
    do {
      let (session, hello) = try await WireSession.accept(connection, settings: settings, logger: logger) { hello in
        try self.admit(hello, peer: connection.peer)
      }
      switch connection.peer.role {
      case .node:
        let id = await pool.add(
          session: session, models: hello.node.models, maxActive: Int(hello.node.maxActiveRequests),
          address: connection.peer.remoteAddress)
        logger.info("node joined", metadata: ["models": "\(hello.node.models.map(\.name))"])
        defer { Task { await self.pool.remove(id) } }
        try await session.run { stream in
          try? await stream.send(.error(Cocoon_Wire_Error(CocoonError(.invalidArgument, "nodes cannot open streams"))))
        }
      case .client:
        logger.info("client connected")
        try await session.run { stream in await self.clients.handle(stream) }
      case .coordinator:
        throw CocoonError(.transportFailed, "coordinators do not connect to each other")
      }
    } catch {
      logger.info("peer left", metadata: ["reason": "\(error)"])
    }
  }

  private func admit(_ hello: Cocoon_Wire_Hello, peer: PeerInfo) throws -> Cocoon_Wire_HelloAck {
    guard hello.role.role == peer.role else {
      throw CocoonError(
        .transportFailed, "the peer says it is a \(hello.role.role.map(\.rawValue) ?? "nothing") but attested as a \(peer.role)")
    }
    if peer.role == .node {
      guard hello.node.maxActiveRequests > 0, !hello.node.models.isEmpty else {
        throw CocoonError(.invalidArgument, "a node must serve at least one model and accept at least one request")
      }
      if let allowedModels {
        for model in hello.node.models {
          guard let expected = allowedModels[model.name] else {
            throw CocoonError(.unknownModel, "model '\(model.name)' is not in the registry")
          }
          guard expected == model.weightsSha256.lowercased() else {
            throw CocoonError(
              .unknownModel, "model '\(model.name)' has weights \(model.weightsSha256), the registry allows \(expected)")
          }
        }
      }
    }
    return Cocoon_Wire_HelloAck.with {
      $0.role = .coordinator
      $0.networkID = networkID
    }
  }
}
