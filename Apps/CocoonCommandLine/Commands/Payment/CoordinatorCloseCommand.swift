public import ArgumentParser
import CocoonAccounting
import CocoonConfig
import CocoonCore
public import CocoonRuntime
import Foundation

/// `cocoon-coordinator close`: settles the coordinator's last charges and closes its contract on the ledger; the
/// ledger refuses while a client account is open or a node's vouched earnings are unpaid.
public struct CoordinatorCloseCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "Close the coordinator's contract (after every client closed and every node was paid); stop it first.")

  @OptionGroup public var options: PaymentOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let session = try await PaymentSession(role: .coordinator, options: options, plugins: plugins)
    guard let database = session.loaded.configuration.coordinator?.database else {
      throw CocoonError(.invalidArgument, "the configuration has no `coordinator:` section with a database")
    }
    let path = database.hasPrefix("/") ? database : session.loaded.directory + "/" + database
    guard FileManager.default.fileExists(atPath: path) else {
      throw CocoonError(.invalidArgument, "no accounting database at \(path); nothing was vouched, so nothing to settle")
    }
    let registry = try await session.network.registry()
    let store = try AccountingStore(
      path: path, network: session.network.networkID, signer: session.signer, prices: registry.prices,
      voucherSigningBytes: { [network = session.network] in try network.voucherSigningBytes($0) })
    let checkpoint = try await CoordinatorSettlement(store: store, network: session.network).settle()
    let vouched = try await store.vouchedNodeEarnings()
    try await session.network.closeCoordinator(coordinator: session.signer.address, vouchedNodeEarnings: vouched)
    let paid = try await session.network.walletBalance(address: session.signer.address)
    print("closed coordinator \(session.signer.address) at checkpoint \(checkpoint.map { "\($0.sequence)" } ?? "none"); paid out to it in all: \(paid.units)")
  }
}
