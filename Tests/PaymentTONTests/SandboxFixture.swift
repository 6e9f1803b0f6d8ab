import CocoonCore
import CocoonPaymentTON
import CocoonTONContracts
import Foundation
import Logging
import TON
import TONEmulator
import TONSandbox
import Testing

/// A `cocoon-ton-sandbox` chain served in-process on a free loopback port (with the emulator's bundled config, to
/// which the sandbox adds its global id), and TON payment networks of fresh parties on it.
struct SandboxFixture {
  static let available = EmulatorLibrary.resolve() != nil
  static let skipReason: Comment = "the TON emulator library is missing: run Tools/fetch-ton-emulator"

  let port: Int
  let directory: String

  /// The registry the parties' root contract starts with: 1 TON minimum client stake, a 60 s close delay.
  static let seed = RegistrySnapshot(
    allowedImageHashes: [:], models: [], coordinators: [],
    prices: Prices(pricePerToken: 1_000, nodeFeePerToken: 800), minimumClientStake: NanoAmount(1_000_000_000),
    minimumNodeStake: .zero, clientCloseDelay: 60)

  /// Runs `body` with a fresh sandbox; stops it afterwards.
  static func with(_ body: @Sendable (SandboxFixture) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ton-payment-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // The chain's config has no parameter 19: the sandbox sets its default global id, the preset's.
    let configuration = SandboxConfiguration(listen: "127.0.0.1:0", statePath: directory + "/chain.sqlite")
    let chain = try SandboxChain(configuration: configuration)
    let ports = AsyncStream<Int>.makeStream()
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        try await SandboxServer.run(chain: chain, configuration: configuration) { ports.continuation.yield($0) }
      }
      var iterator = ports.stream.makeAsyncIterator()
      let port = await iterator.next() ?? 0
      try await body(SandboxFixture(port: port, directory: directory))
      group.cancelAll()
    }
  }

  var endpoint: String { "http://127.0.0.1:\(port)/api/v2" }

  /// The `ton-sandbox` network of `role`, its mnemonic in `<name>.mnemonic` (made and funded when missing).
  func network(_ role: Role, name: String? = nil) async throws -> TONPaymentNetwork {
    var logger = Logger(label: "ton-payment-test")
    logger.logLevel = .warning
    let context = PluginContext(
      role: role, logger: logger, baseDirectory: directory, insecureAllowed: true, registrySeed: Self.seed)
    let options = TONPaymentOptions(mnemonicFile: "\(name ?? role.rawValue).mnemonic", endpoint: endpoint)
    return try await TONPaymentFactory.make(preset: .sandbox, options: options, context: context)
  }
}
