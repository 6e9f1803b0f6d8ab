public import ArgumentParser
import CocoonCore
public import CocoonRuntime
import CocoonConfig

/// `plugins`: lists the plugins built into this binary.
public struct PluginsCommand<R: RoleDescriptor>: PluginCommand {
  public static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "plugins", abstract: "List the plugins built into this binary.")
  }

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    for kind in PluginKind.allCases {
      print("\(kind):")
      let registrations = plugins.registrations.filter { $0.kind == kind }
      for registration in registrations {
        print("  \(registration.name) — \(registration.summary)")
      }
      let missing = PlannedPlugins.names[kind, default: []].subtracting(registrations.map(\.name)).sorted()
      if registrations.isEmpty && missing.isEmpty { print("  (none)") }
      for name in missing { print("  \(name) — not built into this binary yet") }
    }
  }
}
