public import CocoonConfig
public import CocoonCore
import Crypto
public import Foundation
public import Logging

/// Makes a role's plugins from its configuration, as typed components.
public enum RoleComposer {
  /// The plugins of a node.
  /// - Throws: the first plugin's error, located in the file where it is a configuration problem.
  public static func node(loaded: LoadedConfiguration, plugins: PluginRegistry, logger: Logger) async throws
    -> NodeComponents
  {
    let made = try await make(role: .node, loaded: loaded, plugins: plugins, logger: logger)
    return NodeComponents(
      common: try made.common(), attestation: try made.required(made.attestation, "node.attestation"),
      compute: try made.required(made.compute, "node.compute"))
  }

  /// The plugins of a coordinator.
  public static func coordinator(loaded: LoadedConfiguration, plugins: PluginRegistry, logger: Logger) async throws
    -> CoordinatorComponents
  {
    let made = try await make(role: .coordinator, loaded: loaded, plugins: plugins, logger: logger)
    return CoordinatorComponents(
      common: try made.common(), attestation: try made.required(made.attestation, "coordinator.attestation"))
  }

  /// The plugins of a client.
  public static func client(loaded: LoadedConfiguration, plugins: PluginRegistry, logger: Logger) async throws
    -> ClientComponents
  {
    let made = try await make(role: .client, loaded: loaded, plugins: plugins, logger: logger)
    return ClientComponents(common: try made.common(), attestation: made.attestation)
  }

  /// The attestation policy from the registry section: allowed image hashes per role, real TEEs only unless the
  /// deployment is insecure.
  public static func attestationPolicy(_ configuration: CocoonConfiguration) -> AttestationPolicy {
    let allowed = configuration.registry?.snapshot.allowedImageHashes ?? [:]
    var tees: Set<TEEKind> = [.tdx, .sevSNP]
    if configuration.network.insecure { tees.insert(.insecure) }
    return AttestationPolicy(allowedImageHashes: allowed, minimumTCBStatus: .upToDate, allowedTEEs: tees)
  }

  /// SHA-256 of the configuration file's text, carried in this process's transport claims.
  public static func configHash(_ loaded: LoadedConfiguration) -> Data { Data(SHA256.hash(data: Data(loaded.text.utf8))) }

  /// Makes every plugin of `role`'s plan, in order.
  private static func make(role: Role, loaded: LoadedConfiguration, plugins: PluginRegistry, logger: Logger)
    async throws -> MadePlugins
  {
    var made = MadePlugins(role: role, loaded: loaded)
    for slot in try RolePlan.slots(for: role, in: loaded.configuration) {
      var pluginLogger = logger
      pluginLogger[metadataKey: "plugin"] = "\(slot.selection.plugin)"
      let context = PluginContext(
        role: role, logger: pluginLogger, baseDirectory: loaded.directory,
        insecureAllowed: loaded.configuration.network.insecure,
        registrySeed: loaded.configuration.registry?.snapshot)
      switch slot {
      case .payment(let selection): made.payment = try await plugins.makePayment(selection, context: context)
      case .attestation(let selection):
        let suite = try await plugins.makeAttestation(selection, context: context)
        made.attestation = suite
        made.verifiers[suite.verifier.kind] = suite.verifier
      case .transport(let selection): made.transport = try await plugins.makeTransport(selection, context: context)
      case .compute(let selection): made.compute = try await plugins.makeCompute(selection, context: context)
      case .verifier(let selection):
        let suite = try await plugins.makeAttestation(selection, context: context)
        made.verifiers[suite.verifier.kind] = suite.verifier
      }
      logger.info("plugin ready", metadata: ["purpose": "\(slot.label)", "plugin": "\(slot.selection.plugin)"])
    }
    return made
  }
}

/// The plugins made so far for one role's plan.
private struct MadePlugins {
  let role: Role
  let loaded: LoadedConfiguration
  var payment: (any PaymentNetwork)?
  var attestation: AttestationSuite?
  var transport: (any Transport)?
  var compute: (any ComputeBackend)?
  var verifiers: [TEEKind: any AttestationVerifier] = [:]

  init(role: Role, loaded: LoadedConfiguration) {
    self.role = role
    self.loaded = loaded
  }

  func required<T>(_ product: T?, _ key: String) throws -> T {
    guard let product else {
      throw CocoonError(.configMissingKey, "cocoon-\(role) needs a plugin at '\(key)'; set its 'plugin:'")
    }
    return product
  }

  func common() throws -> CommonComponents {
    let security = TransportSecurity(
      role: role, provider: attestation?.provider, verifiers: verifiers,
      policy: RoleComposer.attestationPolicy(loaded.configuration), configHash: RoleComposer.configHash(loaded))
    return CommonComponents(
      payment: try required(payment, "payment"), transport: try required(transport, "\(role).transport"),
      security: security)
  }
}
