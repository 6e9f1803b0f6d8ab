import CocoonAccounting
import CocoonCore
public import CocoonRuntime
import Foundation
public import Logging
public import ServiceLifecycle
public import CocoonWire

/// The coordinator role: accepts nodes and clients, routes requests, counts tokens, settles payments.
public struct CoordinatorRole: Sendable {
  public let settings: CoordinatorSettings
  public let components: CoordinatorComponents
  /// Services the app adds (metrics, health), started after the role's own.
  public let extraServices: [any Service]
  public let logger: Logger

  public init(
    settings: CoordinatorSettings, components: CoordinatorComponents, extraServices: [any Service] = [],
    logger: Logger
  ) {
    self.settings = settings
    self.components = components
    self.extraServices = extraServices
    self.logger = logger
  }

  /// The coordinator's services, in start order: the server, the periodic settlement with the ledger when the
  /// payment plugin holds this coordinator's key, then the extra services.
  public func services() async throws -> [any Service] {
    let accounting = try await accounting()
    var services: [any Service] = [server(accounting: accounting)]
    if let accounting {
      services.append(LedgerSettlementService(accounting: accounting, interval: settings.settleInterval, logger: logger))
    }
    return services + extraServices
  }

  /// The accounting database at `coordinator.database`, priced from the ledger's registry; nil when the payment
  /// plugin holds no key for this coordinator (then nobody is charged).
  public func accounting() async throws -> CoordinatorAccounting? {
    let network = components.common.payment
    guard let signer = network.signer else {
      logger.warning("the payment plugin holds no coordinator key: requests are served without charging")
      return nil
    }
    let registry = try await network.registry()
    let path = settings.databasePath
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    let store = try AccountingStore(
      path: path, network: network.networkID, signer: signer, prices: registry.prices,
      minimumStake: registry.minimumClientStake, voucherSigningBytes: { try network.voucherSigningBytes($0) })
    return CoordinatorAccounting(store: store, network: network, logger: logger)
  }

  /// The server that accepts nodes and clients.
  public func server(accounting: CoordinatorAccounting? = nil, settings wire: WireSession.Settings = .init())
    -> CoordinatorServer
  {
    let registry = settings.registry
    let prices = accounting?.store.currentPrices ?? registry?.prices
    let allowedModels = registry.map { registry in
      Dictionary(registry.models.map { ($0.name.rawValue, $0.weightsSHA256) }, uniquingKeysWith: { first, _ in first })
    }
    let pool = NodePool(maxQueuedRequests: settings.maxQueuedRequests)
    let common = components.common
    return CoordinatorServer(
      endpoint: settings.listen, transport: common.transport, security: common.security, pool: pool,
      clients: ClientRequestHandler(
        pool: pool, prices: prices, accounting: accounting, registeredModels: allowedModels.map { Set($0.keys) },
        logger: logger),
      accounting: accounting, allowedModels: allowedModels, networkID: common.payment.networkID,
      settings: wire, logger: logger)
  }
}
