public import CocoonConfig
import CocoonCore
public import CocoonRuntime
public import Logging
public import ServiceLifecycle
public import CocoonWire

/// The coordinator role: accepts nodes and clients, routes requests, counts tokens, settles payments.
public struct CoordinatorRole: Sendable {
  public let components: RoleComponents
  public let section: CoordinatorSection
  public let logger: Logger

  /// - Throws: ``CocoonError`` when the configuration has no `coordinator:` section.
  public init(components: RoleComponents, logger: Logger) throws {
    guard let section = components.loaded.configuration.coordinator else {
      throw CocoonError(.invalidArgument, "the configuration has no 'coordinator:' section")
    }
    self.components = components
    self.section = section
    self.logger = logger
  }

  /// The coordinator's services, in start order.
  public func services() throws -> [any Service] {
    [server()]
  }

  /// The server that accepts nodes and clients.
  public func server(settings: WireSession.Settings = .init()) -> CoordinatorServer {
    let registry = components.loaded.configuration.registry?.snapshot
    let prices = registry?.prices
    let allowedModels = registry.map { registry in
      Dictionary(registry.models.map { ($0.name.rawValue, $0.weightsSHA256) }, uniquingKeysWith: { first, _ in first })
    }
    let pool = NodePool(maxQueuedRequests: section.maxQueuedRequests)
    return CoordinatorServer(
      endpoint: section.listen, transport: components.transport, security: components.transportSecurity, pool: pool,
      clients: ClientRequestHandler(pool: pool, prices: prices, logger: logger), allowedModels: allowedModels,
      networkID: components.payment.networkID, settings: settings, logger: logger)
  }
}
