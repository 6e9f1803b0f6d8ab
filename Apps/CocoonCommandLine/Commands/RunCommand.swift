public import ArgumentParser
import CocoonCore
public import CocoonRuntime
import CocoonConfig
import Logging
import ServiceLifecycle

/// `run` (the default): composes the role from the configuration and runs it until SIGTERM or SIGINT.
public struct RunCommand<R: RoleDescriptor>: PluginCommand {
  public static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: "run", abstract: "Run cocoon-\(R.role) until SIGTERM or SIGINT.")
  }

  @OptionGroup public var options: SharedOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    CocoonLogging.bootstrap(level: try options.level())
    let logger = Logger(label: "cocoon.\(R.role)")
    let loaded = try options.load()
    let report = try DeploymentReport(role: R.role, loaded: loaded, plugins: plugins)
    if let problem = report.lines.compactMap(\.problem).first { throw problem }
    let services = try await R.services(loaded: loaded, plugins: plugins, extraServices: [], logger: logger)
    logger.info("cocoon-\(R.role) running", metadata: ["config": "\(loaded.path)"])
    try await RoleRunner.run(services: services, logger: logger)
    logger.info("cocoon-\(R.role) stopped")
  }
}
