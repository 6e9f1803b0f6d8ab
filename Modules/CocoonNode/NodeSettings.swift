public import CocoonConfig
public import CocoonCore
import CocoonRuntime

/// The node's own configuration, decoded from `node:` with every path resolved.
public struct NodeSettings: Sendable {
  /// The coordinators the node connects out to.
  public var coordinators: [Endpoint]
  /// The models to load, paths absolute.
  public var models: [ModelSpec]
  /// Requests served at once; more wait at the coordinator.
  public var maxActiveRequests: Int
  /// The voucher wallet the node keeps its coordinators' earning vouchers in.
  public var voucherWalletPath: String

  public init(coordinators: [Endpoint], models: [ModelSpec], maxActiveRequests: Int, voucherWalletPath: String) {
    self.coordinators = coordinators
    self.models = models
    self.maxActiveRequests = maxActiveRequests
    self.voucherWalletPath = voucherWalletPath
  }

  /// The settings of `loaded`'s `node:` section.
  /// - Throws: ``CocoonError`` (`configMissingKey`) when the file has no `node:` section.
  public init(_ loaded: LoadedConfiguration) throws {
    let section = try RolePlan.section(loaded.configuration.node, role: .node)
    self.init(
      coordinators: section.coordinators, models: Self.modelSpecs(section, baseDirectory: loaded.directory),
      maxActiveRequests: section.maxActiveRequests,
      voucherWalletPath: VoucherWalletLocation.resolve(nil, role: .node, in: loaded))
  }

  /// The model specs from `node.models`, with paths resolved against the config file's directory.
  public static func modelSpecs(_ section: NodeSection, baseDirectory: String) -> [ModelSpec] {
    section.models.map { model in
      ModelSpec(
        name: ModelID(model.name), path: model.path.hasPrefix("/") ? model.path : baseDirectory + "/" + model.path,
        sha256: model.sha256?.value)
    }
  }
}
