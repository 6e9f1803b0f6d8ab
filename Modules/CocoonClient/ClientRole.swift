public import CocoonConfig
import CocoonCore
public import CocoonRuntime
public import Logging
public import ServiceLifecycle

/// The client role: the OpenAI-compatible API beside an application, paying a coordinator for usage.
public struct ClientRole: Sendable {
  public let components: RoleComponents
  public let section: ClientSection
  public let logger: Logger

  /// - Throws: ``CocoonError`` when the configuration has no `client:` section.
  public init(components: RoleComponents, logger: Logger) throws {
    guard let section = components.loaded.configuration.client else {
      throw CocoonError(.invalidArgument, "the configuration has no 'client:' section")
    }
    self.components = components
    self.section = section
    self.logger = logger
  }

  /// The client's services, in start order.
  /// - Throws: ``CocoonError`` with code `unavailable` until the HTTP API is built (network-path issue).
  public func services() throws -> [any Service] {
    throw CocoonError(.unavailable, "this build of cocoon-client cannot serve the API yet (the network path is not built)")
  }
}
