public import CocoonConfig
import CocoonAccounting
import CocoonCore
public import CocoonRuntime
import Foundation
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

  /// The coordinator's services, in start order: the server and, when the payment plugin holds this
  /// coordinator's key, the periodic settlement with the ledger.
  public func services() async throws -> [any Service] {
    let accounting = try await accounting()
    var services: [any Service] = [server(accounting: accounting)]
    if let accounting {
      services.append(
        LedgerSettlementService(
          accounting: accounting, interval: .seconds(section.settleIntervalSeconds), logger: logger))
    }
    return services
  }

  /// The accounting database at `coordinator.database`, priced from the ledger's registry; nil when the payment
  /// plugin holds no key for this coordinator (then nobody is charged).
  public func accounting() async throws -> CoordinatorAccounting? {
    let network = components.payment
    guard let signer = network.signer else {
      logger.warning("the payment plugin holds no coordinator key: requests are served without charging")
      return nil
    }
    let registry = try await network.registry()
    let path = section.database.hasPrefix("/") ? section.database : components.loaded.directory + "/" + section.database
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    let store = try AccountingStore(
      path: path, network: network.networkID, signer: signer, prices: registry.prices,
      minimumStake: registry.minimumClientStake, voucherSigningBytes: { try network.voucherSigningBytes($0) })
    return CoordinatorAccounting(store: store, network: network, logger: logger)
  }

  /// The server that accepts nodes and clients.
  public func server(accounting: CoordinatorAccounting? = nil, settings: WireSession.Settings = .init())
    -> CoordinatorServer
  {
    let registry = components.loaded.configuration.registry?.snapshot
    let prices = accounting?.store.currentPrices ?? registry?.prices
    let allowedModels = registry.map { registry in
      Dictionary(registry.models.map { ($0.name.rawValue, $0.weightsSHA256) }, uniquingKeysWith: { first, _ in first })
    }
    let pool = NodePool(maxQueuedRequests: section.maxQueuedRequests)
    return CoordinatorServer(
      endpoint: section.listen, transport: components.transport, security: components.transportSecurity, pool: pool,
      clients: ClientRequestHandler(
        pool: pool, prices: prices, accounting: accounting, registeredModels: allowedModels.map { Set($0.keys) },
        logger: logger),
      accounting: accounting, allowedModels: allowedModels, networkID: components.payment.networkID,
      settings: settings, logger: logger)
  }
}
