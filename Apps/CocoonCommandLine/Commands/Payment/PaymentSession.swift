public import ArgumentParser
import CocoonConfig
import CocoonCore
import CocoonRuntime
import Foundation
import Logging

/// Options the payment commands share.
public struct PaymentOptions: ParsableArguments {
  @OptionGroup public var shared: SharedOptions

  @Option(name: .long, help: "The coordinator's ledger address (default: the one this role's config connects to).")
  public var coordinator: String?

  @Option(name: .long, help: "The voucher wallet file (default: .cocoon/vouchers/<role>.json beside the config).")
  public var wallet: String?

  public init() {}
}

/// The configured payment plugin, made for one role, and the coordinator the command acts on.
struct PaymentSession {
  let loaded: LoadedConfiguration
  let network: any PaymentNetwork
  let signer: any LedgerSigner
  let role: Role

  /// Loads the config and makes only the payment plugin (the role's other plugins are not needed).
  init(role: Role, options: PaymentOptions, plugins: PluginRegistry) async throws {
    loaded = try options.shared.load()
    self.role = role
    var logger = Logger(label: "cocoon.payment")
    logger.logLevel = .warning
    let context = PluginContext(
      role: role, logger: logger, baseDirectory: loaded.directory,
      insecureAllowed: loaded.configuration.network.insecure, registrySeed: loaded.configuration.registry?.snapshot)
    network = try await plugins.makePayment(loaded.configuration.payment, context: context)
    guard let signer = network.signer else {
      throw CocoonError(
        .unavailable, "payment plugin '\(loaded.configuration.payment.plugin)' holds no ledger key for this role")
    }
    self.signer = signer
  }

  /// The voucher wallet's path.
  func walletPath(_ options: PaymentOptions) -> String {
    VoucherWalletLocation.resolve(options.wallet, role: role, in: loaded)
  }

  /// The coordinator's address: the option, else the registered coordinator at an endpoint this role's config
  /// names, else the only registered one.
  func coordinator(_ options: PaymentOptions) async throws -> String {
    if let address = options.coordinator { return address }
    let registered = try await network.registry().coordinators
    let configured = Set(
      (loaded.configuration.client?.coordinators ?? loaded.configuration.node?.coordinators ?? []).map { "\($0)" })
    if let match = registered.first(where: { configured.contains($0.endpoint) }) { return match.address }
    if registered.count == 1 { return registered[0].address }
    let listed = registered.map { "\($0.address) (\($0.endpoint))" }.joined(separator: ", ")
    throw CocoonError(
      .invalidArgument,
      "no coordinator to act on: pass --coordinator ADDRESS; registered: \(listed.isEmpty ? "none" : listed)")
  }
}

/// Parses an amount in TON with up to 9 decimals.
func parseAmount(_ text: String) throws -> NanoAmount {
  let amount = try NanoAmount(units: text)
  guard amount > .zero else { throw CocoonError(.invalidArgument, "the amount must be above zero; got \(text)") }
  return amount
}
