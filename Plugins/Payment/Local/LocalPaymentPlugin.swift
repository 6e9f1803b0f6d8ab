import CocoonAccounting
public import CocoonCore
import Foundation
import Logging

/// `local`: the embedded ledger, a SQLite file with the rules of the TON contracts, for a one-machine network.
///
/// ```yaml
/// payment:
///   plugin: local
///   options:
///     path: .cocoon/ledger.sqlite     # the ledger file, shared by every role on the machine
///     keys: .cocoon/keys              # each role's key: <keys>/<role>.ed25519, made on first use, mode 0600
/// ```
/// The registry is seeded (and updated) from the deployment's `registry:` section.
public enum LocalPaymentPlugin: PaymentPlugin {
  public struct Options: Decodable, Sendable {
    /// The ledger file, relative to the config file.
    public var path: String
    /// The folder of the roles' ledger keys; default `.cocoon/keys`.
    public var keys: String?
    /// One key file for this process, overriding `keys`.
    public var key: String?

    public init(path: String, keys: String? = nil, key: String? = nil) {
      self.path = path
      self.keys = keys
      self.key = key
    }
  }

  public static let name = "local"
  public static let summary = "embedded SQLite ledger with the TON contracts' rules (one-machine networks)"

  public static func make(options: Options, context: PluginContext) async throws -> any PaymentNetwork {
    let path = context.resolve(path: options.path)
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    let ledger = try LocalLedger(path: path, registrySeed: context.registrySeed)
    let keyPath = options.key.map(context.resolve(path:))
      ?? context.resolve(path: (options.keys ?? ".cocoon/keys") + "/\(context.role).ed25519")
    let signer = try Ed25519LedgerKey.loadOrCreate(at: keyPath)
    context.logger.info(
      "local ledger ready", metadata: ["network": "\(ledger.networkID)", "address": "\(signer.address)"])
    return LocalPaymentNetwork(ledger: ledger, signer: signer)
  }
}
