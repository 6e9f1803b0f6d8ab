import CocoonClient
public import CocoonConfig
import CocoonCoordinator
public import CocoonCore
import CocoonNode
public import CocoonRuntime
public import Logging
public import ServiceLifecycle

/// Names the role a command set serves and assembles it: its settings from the file, its typed plugins, its
/// services.
public protocol RoleDescriptor: Sendable {
  static var role: Role { get }

  /// The role's services, made from `loaded` with `plugins`, followed by `extraServices`.
  static func services(
    loaded: LoadedConfiguration, plugins: PluginRegistry, extraServices: [any Service], logger: Logger
  ) async throws -> [any Service]
}

public enum NodeRoleDescriptor: RoleDescriptor {
  public static var role: Role { .node }

  public static func services(
    loaded: LoadedConfiguration, plugins: PluginRegistry, extraServices: [any Service], logger: Logger
  ) async throws -> [any Service] {
    let settings = try NodeSettings(loaded)
    let components = try await RoleComposer.node(loaded: loaded, plugins: plugins, logger: logger)
    return try NodeRole(settings: settings, components: components, extraServices: extraServices, logger: logger)
      .services()
  }
}

public enum CoordinatorRoleDescriptor: RoleDescriptor {
  public static var role: Role { .coordinator }

  public static func services(
    loaded: LoadedConfiguration, plugins: PluginRegistry, extraServices: [any Service], logger: Logger
  ) async throws -> [any Service] {
    let settings = try CoordinatorSettings(loaded)
    let components = try await RoleComposer.coordinator(loaded: loaded, plugins: plugins, logger: logger)
    return try await CoordinatorRole(
      settings: settings, components: components, extraServices: extraServices, logger: logger
    ).services()
  }
}

public enum ClientRoleDescriptor: RoleDescriptor {
  public static var role: Role { .client }

  public static func services(
    loaded: LoadedConfiguration, plugins: PluginRegistry, extraServices: [any Service], logger: Logger
  ) async throws -> [any Service] {
    let settings = try ClientSettings(loaded)
    let components = try await RoleComposer.client(loaded: loaded, plugins: plugins, logger: logger)
    return try ClientRole(settings: settings, components: components, extraServices: extraServices, logger: logger)
      .services()
  }
}
