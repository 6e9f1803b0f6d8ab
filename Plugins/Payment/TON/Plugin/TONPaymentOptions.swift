public import CocoonCore

/// The options of the TON payment plugins.
///
/// ```yaml
/// payment:
///   plugin: ton-sandbox              # or ton-testnet / ton-mainnet
///   options:
///     keys: .cocoon/ton              # <keys>/<role>.mnemonic: 24 words; under ton-sandbox made (0600) and funded
///     wallet: v5r1                   # or v4r2
///     root_address: "0:…"            # the registry (root) contract; required on testnet and mainnet
///     endpoint: http://127.0.0.1:8081/api/v2   # overrides the preset's TON Center
///     api_key: ${TONCENTER_API_KEY}
///     charge_at_stake_fraction: 0.5       # submit a client's charge once it reaches half its stake
///     checkpoint_interval_minutes: 10     # the coordinator commits a checkpoint at most this often
///     node_payout_threshold_nano: 1000000000   # a node cashes its earnings by itself from 1 TON (0: by command)
/// ```
public struct TONPaymentOptions: Decodable, Sendable, Hashable {
  /// The wallet contract of the mnemonic.
  public enum WalletVersion: String, Decodable, Sendable, Hashable {
    case v5r1
    case v4r2
  }

  /// The 24-word mnemonic of this party's wallet, relative to the config file; default `<keys>/<role>.mnemonic`.
  public var mnemonicFile: String?
  /// The folder of the roles' mnemonics (and, under `ton-sandbox`, the registry owner's); default `.cocoon/ton`.
  public var keys: String?
  public var wallet: WalletVersion
  /// The root (registry) contract. Under `ton-sandbox` it may be left out: the root is then derived from the
  /// registry owner's mnemonic (`registry_mnemonic_file`) and the deployment's `registry:` section, and deployed on
  /// first use.
  public var rootAddress: String?
  /// The registry owner's mnemonic (under `ton-sandbox` default `<keys>/registry.mnemonic`, made if missing).
  /// Whoever holds it can list coordinators in the registry.
  public var registryMnemonicFile: String?
  /// Overrides the preset's TON Center endpoint.
  public var endpoint: String?
  /// TON Center API key (use `${VAR}`).
  public var apiKey: String?
  /// Overrides the preset's network global id (a sandbox started with another config parameter 19).
  public var globalID: Int32?
  /// What `registerCoordinator` stakes in the coordinator contract, in nanoTON (default: the registry's minimum, at
  /// least 1 TON).
  public var coordinatorStakeNano: UInt64?
  /// Where pending messages and checkpoints are journaled (default: beside the mnemonic file).
  public var stateDirectory: String?
  /// A client's charge is submitted once its unsubmitted part reaches this share of its stake (default 0.5,
  /// accepted 0…1; 0 submits at every settlement).
  public var chargeAtStakeFraction: Double?
  /// The coordinator commits a checkpoint at most this often, in minutes (default 10, accepted 0…1440).
  public var checkpointIntervalMinutes: Double?
  /// A node cashes a coordinator's earnings by itself once this much is unpaid, in nanoTON (default 1 TON;
  /// 0: only `cocoon-node payout` cashes).
  public var nodePayoutThresholdNano: UInt64?

  enum CodingKeys: String, CodingKey {
    case wallet, endpoint, keys
    case mnemonicFile = "mnemonic_file"
    case rootAddress = "root_address"
    case registryMnemonicFile = "registry_mnemonic_file"
    case apiKey = "api_key"
    case globalID = "global_id"
    case coordinatorStakeNano = "coordinator_stake_nano"
    case stateDirectory = "state_directory"
    case chargeAtStakeFraction = "charge_at_stake_fraction"
    case checkpointIntervalMinutes = "checkpoint_interval_minutes"
    case nodePayoutThresholdNano = "node_payout_threshold_nano"
  }

  public init(
    mnemonicFile: String? = nil, keys: String? = nil, wallet: WalletVersion = .v5r1, rootAddress: String? = nil,
    registryMnemonicFile: String? = nil, endpoint: String? = nil, apiKey: String? = nil, globalID: Int32? = nil,
    coordinatorStakeNano: UInt64? = nil, stateDirectory: String? = nil
  ) {
    self.mnemonicFile = mnemonicFile
    self.keys = keys
    self.wallet = wallet
    self.rootAddress = rootAddress
    self.registryMnemonicFile = registryMnemonicFile
    self.endpoint = endpoint
    self.apiKey = apiKey
    self.globalID = globalID
    self.coordinatorStakeNano = coordinatorStakeNano
    self.stateDirectory = stateDirectory
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    mnemonicFile = try container.decodeIfPresent(String.self, forKey: .mnemonicFile)
    keys = try container.decodeIfPresent(String.self, forKey: .keys)
    wallet = try container.decodeIfPresent(WalletVersion.self, forKey: .wallet) ?? .v5r1
    rootAddress = try container.decodeIfPresent(String.self, forKey: .rootAddress)
    registryMnemonicFile = try container.decodeIfPresent(String.self, forKey: .registryMnemonicFile)
    endpoint = try container.decodeIfPresent(String.self, forKey: .endpoint)
    apiKey = try container.decodeIfPresent(String.self, forKey: .apiKey)
    globalID = try container.decodeIfPresent(Int32.self, forKey: .globalID)
    coordinatorStakeNano = try container.decodeIfPresent(UInt64.self, forKey: .coordinatorStakeNano)
    stateDirectory = try container.decodeIfPresent(String.self, forKey: .stateDirectory)
    chargeAtStakeFraction = try container.decodeIfPresent(Double.self, forKey: .chargeAtStakeFraction)
    checkpointIntervalMinutes = try container.decodeIfPresent(Double.self, forKey: .checkpointIntervalMinutes)
    nodePayoutThresholdNano = try container.decodeIfPresent(UInt64.self, forKey: .nodePayoutThresholdNano)
    _ = try settlementPolicy()  // out-of-range batching options fail here, so `check-config` reports them
  }

  /// The settlement policy these options ask for.
  /// - Throws: ``CocoonError`` `invalidPluginOptions` naming an option out of its accepted range.
  public func settlementPolicy() throws -> SettlementPolicy {
    let fraction = chargeAtStakeFraction ?? 0.5
    guard (0...1).contains(fraction) else {
      throw CocoonError(.invalidPluginOptions, "charge_at_stake_fraction \(fraction) is out of range; accepted: 0…1")
    }
    let minutes = checkpointIntervalMinutes ?? 10
    guard (0...1440).contains(minutes) else {
      throw CocoonError(
        .invalidPluginOptions, "checkpoint_interval_minutes \(minutes) is out of range; accepted: 0…1440")
    }
    let payout = nodePayoutThresholdNano ?? 1_000_000_000
    return SettlementPolicy(
      chargeAtStakeBasisPoints: UInt64((fraction * 10_000).rounded()),
      checkpointInterval: .milliseconds(Int64((minutes * 60_000).rounded())),
      nodePayoutThreshold: payout == 0 ? nil : NanoAmount(payout))
  }
}
