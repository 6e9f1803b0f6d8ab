public import CocoonConfig
import CocoonCore
public import CocoonRuntime
public import Logging
public import ServiceLifecycle

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
  /// - Throws: ``CocoonError`` with code `unavailable` until the routing service is built (network-path issue).
  public func services() throws -> [any Service] {
    throw CocoonError(
      .unavailable, "this build of cocoon-coordinator cannot route requests yet (the network path is not built)")
  }
}
