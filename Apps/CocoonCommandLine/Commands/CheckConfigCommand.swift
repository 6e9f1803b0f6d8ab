public import ArgumentParser
import CocoonCore
public import CocoonRuntime
import CocoonConfig
import Foundation

/// `check-config`: validates the file and prints which plugin serves each protocol, with options, secrets masked.
public struct CheckConfigCommand<R: RoleDescriptor>: PluginCommand {
  public static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "check-config",
      abstract: "Validate the configuration and print the composed deployment of cocoon-\(R.role).")
  }

  @OptionGroup public var options: SharedOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let loaded = try options.load()
    let report = try DeploymentReport(role: R.role, loaded: loaded, plugins: plugins)
    print(report.render(), terminator: "")
    if let problem = report.lines.compactMap(\.problem).first { throw problem }
  }
}
