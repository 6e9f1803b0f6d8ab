public import Logging

/// The four kinds of plugin, one per core protocol.
public enum PluginKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case attestation
  case compute
  case payment
  case transport

  public var description: String { rawValue }
}

/// What a plugin factory is given besides its own options.
public struct PluginContext: Sendable {
  /// The role being composed.
  public var role: Role
  /// A logger labelled for the plugin.
  public var logger: Logger
  /// The directory relative paths in options resolve against (the config file's directory).
  public var baseDirectory: String
  /// Whether the deployment allows development-only plugins (`network.insecure: true`).
  public var insecureAllowed: Bool
  /// The deployment's `registry:` section, for payment plugins that hold the registry themselves (the local
  /// ledger seeds its registry from it). Nil when the file has none.
  public var registrySeed: RegistrySnapshot?

  public init(
    role: Role, logger: Logger, baseDirectory: String, insecureAllowed: Bool, registrySeed: RegistrySnapshot? = nil
  ) {
    self.role = role
    self.logger = logger
    self.baseDirectory = baseDirectory
    self.insecureAllowed = insecureAllowed
    self.registrySeed = registrySeed
  }

  /// Resolves a path from options against ``baseDirectory``.
  public func resolve(path: String) -> String {
    path.hasPrefix("/") ? path : baseDirectory + "/" + path
  }
}

/// A plugin: a name in `cocoon.yaml`, a `Decodable` options type, and a factory.
///
/// The registry hands the plugin its own YAML subtree decoded into ``Options``, so option errors carry a file
/// location. Options types should reject what they cannot use; unknown keys are rejected for them.
public protocol Plugin: Sendable {
  /// The plugin's options; decode from an empty mapping when `options:` is absent.
  associatedtype Options: Decodable & Sendable
  /// What the factory makes.
  associatedtype Product: Sendable

  /// Which protocol the plugin implements.
  static var kind: PluginKind { get }
  /// The name configuration selects it by, e.g. `cpu`.
  static var name: String { get }
  /// One line for `plugins` listings.
  static var summary: String { get }

  /// Makes the plugin's product from its options.
  static func make(options: Options, context: PluginContext) async throws -> Product

  /// What the options resolve to, for `check-config` (endpoints, network ids, defaults filled in); one fact a line.
  /// Must not touch files or the network. Empty by default.
  static func describe(_ options: Options) -> [String]
}

extension Plugin {
  public static func describe(_ options: Options) -> [String] { [] }
}

/// An attestation plugin (`tdx`, `sev-snp-mock`, `insecure`, …).
public protocol AttestationPlugin: Plugin where Product == AttestationSuite {}
extension AttestationPlugin { public static var kind: PluginKind { .attestation } }

/// A compute backend plugin (`cpu`, `cuda`, …).
public protocol ComputePlugin: Plugin where Product == any ComputeBackend {}
extension ComputePlugin { public static var kind: PluginKind { .compute } }

/// A payment network plugin (`local`, `ton-sandbox`, …).
public protocol PaymentPlugin: Plugin where Product == any PaymentNetwork {}
extension PaymentPlugin { public static var kind: PluginKind { .payment } }

/// A transport plugin (`ratls`, `tcp`, …).
public protocol TransportPlugin: Plugin where Product == any Transport {}
extension TransportPlugin { public static var kind: PluginKind { .transport } }
