public import CocoonConfig
public import CocoonCore

/// The plugins a binary offers, keyed by (kind, name). A plain value built in `main` and passed down; no globals.
///
/// ```swift
/// var plugins = PluginRegistry.builtIn   // what Cocoon ships (from the BuiltinPlugins target)
/// try plugins.register(MyBackendPlugin.self)
/// ```
public struct PluginRegistry: Sendable {
  /// One registered plugin: its identity and type-erased factory.
  public struct Registration: Sendable {
    public let kind: PluginKind
    public let name: String
    public let summary: String
    /// Decodes the options only, to validate configuration without starting anything; returns what the plugin
    /// says they resolve to (``Plugin/describe(_:)``).
    let validate: @Sendable (ConfigSubtree) throws -> [String]
    /// Decodes the options and makes the product.
    let make: @Sendable (ConfigSubtree, PluginContext) async throws -> any Sendable
  }

  private struct Key: Hashable {
    let kind: PluginKind
    let name: String
  }

  private var entries: [Key: Registration] = [:]

  /// An empty registry.
  public init() {}

  /// Registers a plugin type.
  /// - Throws: ``CocoonError`` with code `invalidArgument` if a plugin of the same kind and name is registered.
  public mutating func register<P: Plugin>(_ plugin: P.Type) throws {
    let key = Key(kind: P.kind, name: P.name)
    guard entries[key] == nil else {
      throw CocoonError(
        .invalidArgument, "a \(P.kind) plugin named '\(P.name)' is already registered; choose another name")
    }
    entries[key] = Registration(
      kind: P.kind, name: P.name, summary: P.summary,
      validate: { options in P.describe(try options.decode(P.Options.self)) },
      make: { options, context in try await P.make(options: options.decode(P.Options.self), context: context) })
  }

  /// Every registration, sorted by kind then name.
  public var registrations: [Registration] {
    entries.values.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
  }

  /// Registered names of one kind, sorted.
  public func names(of kind: PluginKind) -> [String] {
    entries.keys.filter { $0.kind == kind }.map(\.name).sorted()
  }

  /// The registration `selection` names for `kind`.
  /// - Throws: ``CocoonError`` at the name's location: unknown name (listing the registered ones), a plugin of
  ///   another kind, or a Cocoon plugin that this binary does not include yet.
  public func registration(for selection: PluginSelection, kind: PluginKind) throws -> Registration {
    if let registration = entries[Key(kind: kind, name: selection.plugin)] { return registration }
    let registered = names(of: kind)
    let accepted = registered.isEmpty ? "none are registered in this binary" : "registered: \(registered.joined(separator: ", "))"
    if let other = entries.keys.first(where: { $0.name == selection.plugin }) {
      throw CocoonError.config(
        .configUnknownPlugin, at: selection.location,
        "'\(selection.plugin)' is a \(other.kind) plugin, not a \(kind) plugin", accepted: accepted)
    }
    if PlannedPlugins.names[kind, default: []].contains(selection.plugin) {
      throw CocoonError.config(
        .configUnknownPlugin, at: selection.location,
        "\(kind) plugin '\(selection.plugin)' is part of Cocoon's design but not built into this binary yet",
        accepted: accepted)
    }
    throw CocoonError.config(
      .configUnknownPlugin, at: selection.location, "unknown \(kind) plugin '\(selection.plugin)'", accepted: accepted)
  }

  /// Validates a selection: the plugin exists and its options decode.
  /// - Returns: what the options resolve to, as the plugin describes them.
  @discardableResult
  public func validate(_ selection: PluginSelection, kind: PluginKind) throws -> [String] {
    try registration(for: selection, kind: kind).validate(selection.options)
  }

  /// Makes the attestation suite `selection` names.
  public func makeAttestation(_ selection: PluginSelection, context: PluginContext) async throws -> AttestationSuite {
    try await make(selection, kind: .attestation, context: context, as: AttestationSuite.self)
  }

  /// Makes the compute backend `selection` names.
  public func makeCompute(_ selection: PluginSelection, context: PluginContext) async throws -> any ComputeBackend {
    try await make(selection, kind: .compute, context: context, as: (any ComputeBackend).self)
  }

  /// Makes the payment network `selection` names.
  public func makePayment(_ selection: PluginSelection, context: PluginContext) async throws -> any PaymentNetwork {
    try await make(selection, kind: .payment, context: context, as: (any PaymentNetwork).self)
  }

  /// Makes the transport `selection` names.
  public func makeTransport(_ selection: PluginSelection, context: PluginContext) async throws -> any Transport {
    try await make(selection, kind: .transport, context: context, as: (any Transport).self)
  }

  private func make<T>(_ selection: PluginSelection, kind: PluginKind, context: PluginContext, as type: T.Type)
    async throws -> T
  {
    let product = try await registration(for: selection, kind: kind).make(selection.options, context)
    guard let typed = product as? T else {
      throw CocoonError(.invalidPluginOptions, "plugin '\(selection.plugin)' made a \(Swift.type(of: product)), not a \(T.self)")
    }
    return typed
  }
}

/// The plugin names Cocoon's design defines, so a binary that lacks one can say so instead of "unknown".
public enum PlannedPlugins {
  public static let names: [PluginKind: Set<String>] = [
    .attestation: ["tdx", "sev-snp-mock", "insecure"],
    .compute: ["cpu", "cuda"],
    .payment: ["local", "ton-sandbox", "ton-testnet", "ton-mainnet"],
    .transport: ["ratls", "tcp"],
  ]
}
