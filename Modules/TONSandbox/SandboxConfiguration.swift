import Foundation
import TON
import Yams

/// The `ton_sandbox:` section of a config file.
public struct SandboxConfiguration: Sendable, Decodable, Hashable {
  /// An account given a balance when the chain is first created.
  public struct InitialAccount: Sendable, Decodable, Hashable {
    /// Any address form.
    public var address: String
    /// The balance in TON, decimal ("100", "2.5").
    public var balance: String
  }

  /// `HOST:PORT` on loopback; port 0 picks a free port (printed on start).
  public var listen: String
  /// The SQLite file holding the chain.
  public var statePath: String
  /// The emulator library; else `COCOON_TON_EMULATOR`, else `.tools/ton/libemulator.so`.
  public var emulatorPath: String?
  /// The blockchain config BoC; else `config.boc` beside the emulator library.
  public var blockchainConfigPath: String?
  /// Accounts funded when the chain is created.
  public var initialAccounts: [InitialAccount]

  enum CodingKeys: String, CodingKey {
    case listen
    case statePath = "state_path"
    case emulatorPath = "emulator_path"
    case blockchainConfigPath = "blockchain_config_path"
    case initialAccounts = "initial_accounts"
  }

  /// Creates a configuration.
  public init(
    listen: String = "127.0.0.1:8081", statePath: String = ".cocoon/ton-sandbox.sqlite", emulatorPath: String? = nil,
    blockchainConfigPath: String? = nil, initialAccounts: [InitialAccount] = []
  ) {
    self.listen = listen
    self.statePath = statePath
    self.emulatorPath = emulatorPath
    self.blockchainConfigPath = blockchainConfigPath
    self.initialAccounts = initialAccounts
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = SandboxConfiguration()
    listen = try container.decodeIfPresent(String.self, forKey: .listen) ?? defaults.listen
    statePath = try container.decodeIfPresent(String.self, forKey: .statePath) ?? defaults.statePath
    emulatorPath = try container.decodeIfPresent(String.self, forKey: .emulatorPath)
    blockchainConfigPath = try container.decodeIfPresent(String.self, forKey: .blockchainConfigPath)
    initialAccounts = try container.decodeIfPresent([InitialAccount].self, forKey: .initialAccounts) ?? []
  }

  private struct File: Decodable {
    var tonSandbox: SandboxConfiguration?
    enum CodingKeys: String, CodingKey { case tonSandbox = "ton_sandbox" }
  }

  /// Reads the `ton_sandbox:` section of a YAML file (defaults when the section is absent).
  /// - Throws: ``TONError`` `.invalidValue` naming the file and what was wrong.
  public static func load(path: String) throws -> SandboxConfiguration {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw TONError(.fileAccess, "cannot read the config file \(path)")
    }
    try checkKeys(text, path: path)
    do {
      return try YAMLDecoder().decode(File.self, from: text).tonSandbox ?? SandboxConfiguration()
    } catch let error as DecodingError {
      throw TONError(.invalidValue, "\(path): \(describe(error))")
    } catch {
      throw TONError(.invalidValue, "\(path): \(error)")
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
      .dataCorrupted(let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return "\(path.isEmpty ? "" : "at \(path): ")\(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// The host and port to listen on; only loopback hosts are accepted.
  public func listenAddress() throws -> (host: String, port: Int) {
    guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
      throw TONError(.invalidValue, "listen is HOST:PORT, such as 127.0.0.1:8081, not '\(listen)'")
    }
    let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    guard ["127.0.0.1", "::1", "localhost"].contains(host) else {
      throw TONError(.invalidValue, "the sandbox listens on loopback only (127.0.0.1, ::1, localhost), not '\(host)'")
    }
    return (host, port)
  }
}
