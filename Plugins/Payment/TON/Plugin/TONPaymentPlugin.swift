import BigInt
public import CocoonCore
import CocoonTONContracts
import Foundation
import Logging
import TON
import TONCenter

#if canImport(Glibc)
import Glibc
#endif

/// `ton-sandbox`: the TON payment network on a local `cocoon-ton-sandbox` (wallets made and funded on first use).
public enum TONSandboxPaymentPlugin: PaymentPlugin {
  public typealias Options = TONPaymentOptions
  public static let name = TONNetworkPreset.sandbox.name
  public static let summary =
    "TON contracts on a local cocoon-ton-sandbox chain (wallets made and funded automatically)"
  public static func make(options: Options, context: PluginContext) async throws -> any PaymentNetwork {
    try await TONPaymentFactory.make(preset: .sandbox, options: options, context: context)
  }
  public static func describe(_ options: Options) -> [String] {
    TONPaymentFactory.describe(preset: .sandbox, options: options)
  }
}

/// `ton-testnet`: the TON payment network on testnet through TON Center.
public enum TONTestnetPaymentPlugin: PaymentPlugin {
  public typealias Options = TONPaymentOptions
  public static let name = TONNetworkPreset.testnet.name
  public static let summary = "TON contracts on testnet through TON Center"
  public static func make(options: Options, context: PluginContext) async throws -> any PaymentNetwork {
    try await TONPaymentFactory.make(preset: .testnet, options: options, context: context)
  }
  public static func describe(_ options: Options) -> [String] {
    TONPaymentFactory.describe(preset: .testnet, options: options)
  }
}

/// `ton-mainnet`: the TON payment network on mainnet through TON Center.
public enum TONMainnetPaymentPlugin: PaymentPlugin {
  public typealias Options = TONPaymentOptions
  public static let name = TONNetworkPreset.mainnet.name
  public static let summary = "TON contracts on mainnet through TON Center"
  public static func make(options: Options, context: PluginContext) async throws -> any PaymentNetwork {
    try await TONPaymentFactory.make(preset: .mainnet, options: options, context: context)
  }
  public static func describe(_ options: Options) -> [String] {
    TONPaymentFactory.describe(preset: .mainnet, options: options)
  }
}

/// Builds a ``TONPaymentNetwork`` from a preset and options. Only the sandbox preset talks to the chain here (to
/// fund a new wallet); testnet and mainnet connect on first use.
public enum TONPaymentFactory {
  /// What the sandbox faucet gives a new wallet.
  static let faucetGrant = BigUInt(100_000_000_000)

  /// What `check-config` prints for a preset: the TON Center endpoint, the network id and the batching of writes.
  public static func describe(preset: TONNetworkPreset, options: TONPaymentOptions) -> [String] {
    var lines = [
      "endpoint: \(options.endpoint ?? preset.endpoint)",
      "network: ton:\(options.globalID ?? preset.globalID)",
    ]
    if let policy = try? options.settlementPolicy() {
      let payout = policy.nodePayoutThreshold.map { "from \($0.units) TON" } ?? "by `cocoon-node payout` only"
      let charge =
        policy.chargeAtStakeBasisPoints == 0
        ? "at every settlement" : "from \(Double(policy.chargeAtStakeBasisPoints) / 100)% of its stake"
      lines.append(
        "writes: a client's charge \(charge); a checkpoint at most every \(policy.checkpointInterval); node payouts "
          + payout)
    }
    return lines
  }

  public static func make(preset: TONNetworkPreset, options: TONPaymentOptions, context: PluginContext) async throws
    -> TONPaymentNetwork
  {
    let policy = try options.settlementPolicy()
    let globalID = options.globalID ?? preset.globalID
    let mnemonicPath = context.resolve(path: options.mnemonicFile ?? options.keyFolder + "/\(context.role).mnemonic")
    let (mnemonic, created) = try loadMnemonic(at: mnemonicPath, create: preset.usesFaucet, what: "mnemonic_file")
    let key = try TONLedgerKey(keyPair: try mnemonic.keyPair(), version: options.wallet, globalID: globalID)
    let center: TONCenterClient
    do {
      center = try TONCenterClient(
        configuration: preset.centerConfiguration(endpoint: options.endpoint, apiKey: options.apiKey))
    } catch { throw CocoonError(.invalidPluginOptions, "\(preset.name): \(error)") }
    let stateDirectory =
      options.stateDirectory.map(context.resolve(path:))
      ?? URL(fileURLWithPath: mnemonicPath).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
    let root = try self.root(preset: preset, options: options, context: context, globalID: globalID)
    if preset.usesFaucet {
      let reader = TONChainReader(center: center)
      let balance = try await reader.balance(key.walletAddress)
      if created || balance == 0 {
        _ = try await reader.call { try await center.sandboxFund(key.walletAddress, nanotons: faucetGrant) }
      }
    }
    context.logger.info(
      "TON payment network ready",
      metadata: [
        "network": "\(preset.name) (ton:\(globalID))", "wallet": "\(key.address)",
        "root": "\(root?.address.raw ?? "none")",
      ])
    return TONPaymentNetwork(
      preset: preset, globalID: globalID, key: key, center: center, root: root, stateDirectory: stateDirectory,
      coordinatorStake: options.coordinatorStakeNano, settlementPolicy: policy)
  }

  /// The root contract: `root_address` when given; under the sandbox preset otherwise derived from the registry
  /// owner's mnemonic and the deployment's `registry:` section (deployed on first use).
  static func root(preset: TONNetworkPreset, options: TONPaymentOptions, context: PluginContext, globalID: Int32) throws
    -> TONPaymentNetwork.Root?
  {
    var owner: KeyPair?
    if let path = options.registryMnemonicFile.map(context.resolve(path:))
      ?? (preset.usesFaucet
        ? context.resolve(path: options.keyFolder + "/registry.mnemonic") : nil)
    {
      owner = try loadMnemonic(at: path, create: preset.usesFaucet, what: "registry_mnemonic_file").mnemonic.keyPair()
    }
    if let text = options.rootAddress {
      return .init(address: try TONPaymentNetwork.address(text), owner: owner, initialState: nil)
    }
    guard preset.usesFaucet, let owner else { return nil }
    let state = try RootContractState(
      ownerKey: owner.publicKey, registry: TONRegistrySeed.registry(context.registrySeed)
    )
    .stateInit()
    return .init(address: try state.address(), owner: owner, initialState: state)
  }

  /// Reads a mnemonic file, or makes one (mode 0600) when `create` is set and it is missing. The new file appears
  /// whole or not at all (written aside, then linked into place), so processes starting together share one key.
  static func loadMnemonic(at path: String, create: Bool, what: String) throws -> (mnemonic: Mnemonic, created: Bool) {
    if !FileManager.default.fileExists(atPath: path) {
      guard create else {
        throw CocoonError(
          .invalidPluginOptions, "\(what) \(path) does not exist; put the wallet's 24-word mnemonic there (mode 0600)")
      }
      let mnemonic = Mnemonic.generate()
      let aside = path + ".new-\(UUID().uuidString)"
      do {
        try FileManager.default.createDirectory(
          atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try mnemonic.write(toFile: aside)
      } catch { throw CocoonError(.io, "cannot create \(what) \(path)") }
      defer { unlink(aside) }
      if link(aside, path) == 0 { return (mnemonic, true) }
      guard errno == EEXIST else { throw CocoonError(.io, "cannot create \(what) \(path) (errno \(errno))") }
    }
    do { return (try Mnemonic(contentsOfFile: path), false) } catch {
      throw CocoonError(.invalidPluginOptions, "\(what) \(path) does not hold a 24-word TON mnemonic")
    }
  }
}

extension TONPaymentOptions {
  /// `keys`, or `.cocoon/ton`.
  var keyFolder: String { keys ?? ".cocoon/ton" }
}
