public import ArgumentParser
import CocoonAttestationCLI
import CocoonConfig
import CocoonCore
public import CocoonRuntime
import Logging

/// `attest --report-data HEX`: produces evidence with the role's configured attestation plugin and prints it as hex.
public struct AttestCommand<R: RoleDescriptor>: PluginCommand {
  public static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "attest", abstract: "Produce attestation evidence for 64 bytes of report data (hex) and print it as hex.")
  }

  @OptionGroup public var options: SharedOptions

  @Option(help: "Exactly 64 bytes as 128 hexadecimal digits.")
  public var reportData: String

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let loaded = try options.load()
    let configuration = loaded.configuration
    let selection = try RolePlan.slots(for: R.role, in: configuration).lazy.compactMap { slot -> PluginSelection? in
      if case .attestation(let selection) = slot { return selection }
      return nil
    }.first
    guard let selection else {
      throw CocoonError(.configMissingKey, "\(loaded.path) configures no attestation plugin for cocoon-\(R.role)")
    }
    var logger = Logger(label: "cocoon.attest")
    logger.logLevel = try options.level()
    let context = PluginContext(
      role: R.role, logger: logger, baseDirectory: loaded.directory, insecureAllowed: configuration.network.insecure)
    let suite = try await plugins.makeAttestation(selection, context: context)
    print(try await AttestHelper.evidenceHex(provider: suite.provider, reportDataHex: reportData))
  }
}
