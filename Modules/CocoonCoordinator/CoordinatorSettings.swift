public import CocoonConfig
public import CocoonCore
import CocoonRuntime

/// The coordinator's own configuration, decoded from `coordinator:` with every path resolved.
public struct CoordinatorSettings: Sendable {
  /// Where nodes and clients connect.
  public var listen: Endpoint
  /// The accounting database (SQLite), an absolute path.
  public var databasePath: String
  /// Requests waiting for a free node before new ones get "overloaded".
  public var maxQueuedRequests: Int
  /// Time between settlements with the ledger.
  public var settleInterval: Duration
  /// The registry section of the deployment (models allowed and prices when the ledger has none).
  public var registry: RegistrySnapshot?

  public init(
    listen: Endpoint, databasePath: String, maxQueuedRequests: Int, settleInterval: Duration,
    registry: RegistrySnapshot?
  ) {
    self.listen = listen
    self.databasePath = databasePath
    self.maxQueuedRequests = maxQueuedRequests
    self.settleInterval = settleInterval
    self.registry = registry
  }

  /// The settings of `loaded`'s `coordinator:` section.
  /// - Throws: ``CocoonError`` (`configMissingKey`) when the file has no `coordinator:` section.
  public init(_ loaded: LoadedConfiguration) throws {
    let section = try RolePlan.section(loaded.configuration.coordinator, role: .coordinator)
    let database = section.database
    self.init(
      listen: section.listen, databasePath: database.hasPrefix("/") ? database : loaded.directory + "/" + database,
      maxQueuedRequests: section.maxQueuedRequests, settleInterval: .seconds(section.settleIntervalSeconds),
      registry: loaded.configuration.registry?.snapshot)
  }
}
