import CocoonCore
import CocoonPaymentTON
import Foundation
import Logging
import TON
import TONSandbox
import Testing

@Suite("TON presets")
struct PresetTests {
  static func make(_ name: String, json: String) async throws -> (any PaymentNetwork, String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ton-preset-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Mnemonic.generate().write(toFile: directory + "/wallet.mnemonic")
    let options = try JSONDecoder().decode(TONPaymentOptions.self, from: Data(json.utf8))
    let context = PluginContext(
      role: .client, logger: Logger(label: "ton-preset-test"), baseDirectory: directory, insecureAllowed: false)
    let network: any PaymentNetwork =
      name == "ton-testnet"
      ? try await TONTestnetPaymentPlugin.make(options: options, context: context)
      : try await TONMainnetPaymentPlugin.make(options: options, context: context)
    return (network, directory)
  }

  @Test(
    "ton-testnet and ton-mainnet decode and report their endpoint and network id without connecting",
    arguments: [
      ("ton-testnet", "https://testnet.toncenter.com/api/v2", "ton:-3"),
      ("ton-mainnet", "https://toncenter.com/api/v2", "ton:-239"),
    ])
  func presets(name: String, endpoint: String, networkID: String) async throws {
    let (network, directory) = try await Self.make(
      name,
      json:
        #"{"mnemonic_file": "wallet.mnemonic", "api_key": "k", "root_address": "0:\#(String(repeating: "ab", count: 32))"}"#
    )
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let ton = try #require(network as? TONPaymentNetwork)
    #expect(ton.networkID == networkID)
    #expect(ton.preset.endpoint == endpoint)
    #expect(ton.preset.name == name)
    #expect(ton.endpoint == endpoint)
    #expect(!ton.preset.usesFaucet)
    // The wallet address is v5r1 with the network's global id: the same key differs per network.
    let signer = try #require(ton.signer)
    #expect(try await ton.isAddress(signer.address, controlledBy: signer.publicKey))
  }

  @Test("the endpoint option overrides the preset; a missing mnemonic file is an error outside the sandbox")
  func overridesAndErrors() async throws {
    let (network, directory) = try await Self.make(
      "ton-testnet",
      json: #"{"mnemonic_file": "wallet.mnemonic", "endpoint": "http://127.0.0.1:1/api/v2", "wallet": "v4r2"}"#)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect((network as? TONPaymentNetwork)?.endpoint == "http://127.0.0.1:1/api/v2")
    await #expect(throws: CocoonError.self) {
      _ = try await Self.make("ton-mainnet", json: #"{"mnemonic_file": "missing.mnemonic"}"#)
    }
    #expect(throws: DecodingError.self) {
      _ = try JSONDecoder().decode(TONPaymentOptions.self, from: Data(#"{"wallet": "v3"}"#.utf8))
    }
  }

  @Test("on-chain writes are batched: half the stake, a checkpoint every 10 minutes, payouts from 1 TON by default")
  func settlementPolicy() async throws {
    let (network, directory) = try await Self.make("ton-testnet", json: #"{"mnemonic_file": "wallet.mnemonic"}"#)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(
      network.settlementPolicy
        == SettlementPolicy(
          chargeAtStakeBasisPoints: 5000, checkpointInterval: .seconds(600), nodePayoutThreshold: 1_000_000_000))
    let options = #"{"charge_at_stake_fraction": 0.25, "checkpoint_interval_minutes": 0.5, "node_payout_threshold_nano": 0}"#
    let custom = try JSONDecoder().decode(TONPaymentOptions.self, from: Data(options.utf8)).settlementPolicy()
    #expect(custom == SettlementPolicy(chargeAtStakeBasisPoints: 2500, checkpointInterval: .seconds(30), nodePayoutThreshold: nil))
    for (json, option) in [
      (#"{"charge_at_stake_fraction": 1.5}"#, "charge_at_stake_fraction"),
      (#"{"checkpoint_interval_minutes": -1}"#, "checkpoint_interval_minutes"),
    ] {
      let error = #expect(throws: CocoonError.self) {
        _ = try JSONDecoder().decode(TONPaymentOptions.self, from: Data(json.utf8)).settlementPolicy()
      }
      #expect(error?.code == .invalidPluginOptions)
      #expect(error?.reason.contains(option) == true)
    }
  }
}

@Suite("The sandbox preset matches the sandbox chain")
struct SandboxPresetTests {
  @Test("ton-sandbox's global id is the one cocoon-ton-sandbox adds to a config without parameter 19")
  func globalID() {
    #expect(TONNetworkPreset.sandbox.globalID == SandboxChain.defaultGlobalID)
    #expect(TONNetworkPreset.sandbox.networkID == "ton:\(SandboxChain.defaultGlobalID)")
    #expect(TONNetworkPreset.sandbox.usesFaucet)
  }
}
