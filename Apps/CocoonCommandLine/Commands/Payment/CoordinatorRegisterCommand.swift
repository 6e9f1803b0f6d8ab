public import ArgumentParser
import CocoonConfig
import CocoonCore
public import CocoonRuntime

/// `cocoon-coordinator register`: lists the coordinator's key and `coordinator.listen` endpoint on the ledger
/// (the coordinator also does this when it starts).
public struct CoordinatorRegisterCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "register", abstract: "Register the coordinator's ledger key and endpoint in the registry.")

  @OptionGroup public var options: PaymentOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let session = try await PaymentSession(role: .coordinator, options: options, plugins: plugins)
    guard let listen = session.loaded.configuration.coordinator?.listen else {
      throw CocoonError(.invalidArgument, "the configuration has no `coordinator:` section with a listen endpoint")
    }
    try await session.network.registerCoordinator(endpoint: "\(listen)")
    print("registered coordinator \(session.signer.address) at \(listen)")
  }
}
