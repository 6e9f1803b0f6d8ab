import CocoonAccounting
public import CocoonConfig
public import CocoonCore
public import CocoonRuntime
public import Logging
public import ServiceLifecycle

/// The node role: serves the configured models through the compute backend.
public struct NodeRole: Sendable {
  public let components: RoleComponents
  public let section: NodeSection
  public let logger: Logger

  /// - Throws: ``CocoonError`` when the configuration has no `node:` section or no compute backend was made.
  public init(components: RoleComponents, logger: Logger) throws {
    guard let section = components.loaded.configuration.node else {
      throw CocoonError(.invalidArgument, "the configuration has no 'node:' section")
    }
    guard components.compute != nil else {
      throw CocoonError(.invalidArgument, "the node has no compute backend; set node.compute.plugin")
    }
    self.components = components
    self.section = section
    self.logger = logger
  }

  /// The model specs from `node.models`, with paths resolved against the config file's directory.
  public static func modelSpecs(_ section: NodeSection, baseDirectory: String) -> [ModelSpec] {
    section.models.map { model in
      ModelSpec(
        name: ModelID(model.name), path: model.path.hasPrefix("/") ? model.path : baseDirectory + "/" + model.path,
        sha256: model.sha256?.value)
    }
  }

  /// The node's services, in start order: the model loader, then one link per coordinator.
  public func services() throws -> [any Service] {
    var payments: NodePayments?
    if let signer = components.payment.signer {
      let wallet = try VoucherWallet(path: VoucherWalletLocation.resolve(nil, role: .node, in: components.loaded))
      payments = NodePayments(network: components.payment, signer: signer, wallet: wallet, logger: logger)
    }
    let models = LoadedModels()
    let handler = NodeQueryHandler(models: models, maxActiveRequests: section.maxActiveRequests, logger: logger)
    let security = components.transportSecurity
    var services: [any Service] = [
      ModelLoaderService(
        backend: components.compute!, specs: Self.modelSpecs(section, baseDirectory: components.loaded.directory),
        into: models, logger: logger)
    ]
    for endpoint in section.coordinators {
      services.append(
        CoordinatorLinkService(
          endpoint: endpoint, transport: components.transport, security: security, models: models, handler: handler,
          maxActiveRequests: section.maxActiveRequests, payments: payments, logger: logger))
    }
    return services
  }
}
