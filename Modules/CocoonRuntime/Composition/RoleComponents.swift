public import CocoonConfig
public import CocoonCore
public import Logging

/// The plugins of one role, made from configuration: what a role library is given to run.
public struct RoleComponents: Sendable {
  public var role: Role
  public var loaded: LoadedConfiguration
  public var payment: any PaymentNetwork
  /// This process's own evidence and its verifier; nil for a client outside a TEE.
  public var attestation: AttestationSuite?
  public var transport: any Transport
  /// Present for nodes.
  public var compute: (any ComputeBackend)?
  /// Verifiers by TEE kind: the role's own kind plus the configured extra verifiers.
  public var verifiers: [TEEKind: any AttestationVerifier]
}

/// Makes a role's plugins from its configuration.
public enum RoleComposer {
  /// Makes every plugin `role` needs, in order (payment, attestation, transport, compute, verifiers).
  /// - Throws: the first plugin's error, located in the file where it is a configuration problem.
  public static func compose(
    role: Role, loaded: LoadedConfiguration, plugins: PluginRegistry, logger: Logger
  ) async throws -> RoleComponents {
    let slots = try RolePlan.slots(for: role, in: loaded.configuration)
    var payment: (any PaymentNetwork)?
    var attestation: AttestationSuite?
    var transport: (any Transport)?
    var compute: (any ComputeBackend)?
    var verifiers: [TEEKind: any AttestationVerifier] = [:]
    for slot in slots {
      var pluginLogger = logger
      pluginLogger[metadataKey: "plugin"] = "\(slot.selection.plugin)"
      let context = PluginContext(
        role: role, logger: pluginLogger, baseDirectory: loaded.directory,
        insecureAllowed: loaded.configuration.network.insecure,
        registrySeed: loaded.configuration.registry?.snapshot)
      switch slot.purpose {
      case "payment": payment = try await plugins.makePayment(slot.selection, context: context)
      case "attestation":
        let suite = try await plugins.makeAttestation(slot.selection, context: context)
        attestation = suite
        verifiers[suite.verifier.kind] = suite.verifier
      case "transport": transport = try await plugins.makeTransport(slot.selection, context: context)
      case "compute": compute = try await plugins.makeCompute(slot.selection, context: context)
      default:
        let suite = try await plugins.makeAttestation(slot.selection, context: context)
        verifiers[suite.verifier.kind] = suite.verifier
      }
      logger.info("plugin ready", metadata: ["purpose": "\(slot.purpose)", "plugin": "\(slot.selection.plugin)"])
    }
    guard let payment, let transport else {
      throw CocoonError(.invalidArgument, "cocoon-\(role) needs a payment and a transport plugin")
    }
    return RoleComponents(
      role: role, loaded: loaded, payment: payment, attestation: attestation, transport: transport, compute: compute,
      verifiers: verifiers)
  }
}
