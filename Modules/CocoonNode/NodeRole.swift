import CocoonAccounting
import CocoonCore
public import CocoonRuntime
public import Logging
public import ServiceLifecycle

/// The node role: serves the configured models through the compute backend.
public struct NodeRole: Sendable {
  public let settings: NodeSettings
  public let components: NodeComponents
  /// Services the app adds (metrics, health), started after the role's own.
  public let extraServices: [any Service]
  public let logger: Logger

  public init(
    settings: NodeSettings, components: NodeComponents, extraServices: [any Service] = [], logger: Logger
  ) {
    self.settings = settings
    self.components = components
    self.extraServices = extraServices
    self.logger = logger
  }

  /// The node's services, in start order: the model loader, the automatic payout (when the ledger's policy sets a
  /// threshold), one link per coordinator, then the extra services.
  /// - Throws: ``CocoonError`` when the voucher wallet cannot be opened.
  public func services() throws -> [any Service] {
    let common = components.common
    var payments: NodePayments?
    if let signer = common.payment.signer {
      let wallet = try VoucherWallet(path: settings.voucherWalletPath)
      payments = NodePayments(network: common.payment, signer: signer, wallet: wallet, logger: logger)
    }
    let models = LoadedModels()
    let handler = NodeQueryHandler(models: models, maxActiveRequests: settings.maxActiveRequests, logger: logger)
    var services: [any Service] = [
      ModelLoaderService(backend: components.compute, specs: settings.models, into: models, logger: logger)
    ]
    if let autoPayout = payments?.autoPayout { services.append(autoPayout) }
    for endpoint in settings.coordinators {
      services.append(
        CoordinatorLinkService(
          endpoint: endpoint, transport: common.transport, security: common.security, models: models,
          handler: handler, maxActiveRequests: settings.maxActiveRequests, payments: payments, logger: logger))
    }
    return services + extraServices
  }
}
