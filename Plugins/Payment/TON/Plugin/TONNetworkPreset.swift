import CocoonTONContracts
public import TONCenter

/// What `ton-sandbox`, `ton-testnet` and `ton-mainnet` fix: where TON Center is, which network (config parameter 19)
/// and how long to wait for a message to settle.
public struct TONNetworkPreset: Sendable, Hashable {
  /// The plugin name.
  public var name: String
  /// The TON Center API v2 base URL.
  public var endpoint: String
  /// The network global id (−239 mainnet, −3 testnet; the sandbox's chosen id).
  public var globalID: Int32
  /// Seconds between confirmation polls.
  public var pollInterval: Double
  /// Seconds to wait for a message to be confirmed before giving up (the message stays in the journal).
  public var confirmationTimeout: Double
  /// Seconds a wallet order stays valid; after that it can never apply, so a resend is safe.
  public var orderLifetime: UInt32
  /// Whether a missing mnemonic file is created and its wallet funded from the sandbox faucet.
  public var usesFaucet: Bool

  /// The global id `cocoon-ton-sandbox` chains run with (config parameter 19). It is nobody's real network id, so
  /// sandbox vouchers never verify on testnet or mainnet contracts.
  public static let sandboxGlobalID: Int32 = 0x636f_636e

  /// The local `cocoon-ton-sandbox`.
  public static let sandbox = TONNetworkPreset(
    name: "ton-sandbox", endpoint: "http://127.0.0.1:8081/api/v2", globalID: sandboxGlobalID, pollInterval: 0.05,
    confirmationTimeout: 30, orderLifetime: 60, usesFaucet: true)
  /// TON testnet through public TON Center.
  public static let testnet = TONNetworkPreset(
    name: "ton-testnet", endpoint: TONCenterConfiguration.testnet.endpoints[0], globalID: NetworkGlobalID.testnet,
    pollInterval: 3, confirmationTimeout: 180, orderLifetime: 120, usesFaucet: false)
  /// TON mainnet through public TON Center.
  public static let mainnet = TONNetworkPreset(
    name: "ton-mainnet", endpoint: TONCenterConfiguration.mainnet.endpoints[0], globalID: NetworkGlobalID.mainnet,
    pollInterval: 3, confirmationTimeout: 180, orderLifetime: 120, usesFaucet: false)

  /// The network identifier vouchers carry: `ton:<global id>`.
  public var networkID: String { "ton:\(globalID)" }

  /// The TON Center client configuration for `endpoint` (the preset's unless overridden).
  public func centerConfiguration(endpoint: String?, apiKey: String?) -> TONCenterConfiguration {
    let url = endpoint ?? self.endpoint
    if usesFaucet {
      var configuration = TONCenterConfiguration.sandbox()
      configuration.endpoints = [url]
      configuration.apiKey = apiKey
      return configuration
    }
    return TONCenterConfiguration(endpoints: [url], apiKey: apiKey, requestsPerSecond: apiKey == nil ? 1 : 10)
  }
}
