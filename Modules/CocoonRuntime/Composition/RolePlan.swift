public import CocoonConfig
public import CocoonCore

/// One protocol of a role and the plugin configured to serve it.
public struct PluginSlot: Sendable {
  /// What the plugin is for, e.g. `attestation`, `verifier`, `compute`.
  public var purpose: String
  public var kind: PluginKind
  public var selection: PluginSelection
}

/// Which plugins a role needs, read from the configuration.
public enum RolePlan {
  /// The slots of `role`, in the order they are made.
  /// - Throws: ``CocoonError`` when the file has no section for the role.
  public static func slots(for role: Role, in configuration: CocoonConfiguration) throws -> [PluginSlot] {
    var slots = [PluginSlot(purpose: "payment", kind: .payment, selection: configuration.payment)]
    func verifiers(_ list: [PluginSelection]?) -> [PluginSlot] {
      (list ?? []).map { PluginSlot(purpose: "verifier", kind: .attestation, selection: $0) }
    }
    switch role {
    case .node:
      let node = try require(configuration.node, role: role)
      slots += [
        PluginSlot(purpose: "attestation", kind: .attestation, selection: node.attestation),
        PluginSlot(purpose: "transport", kind: .transport, selection: node.transport),
        PluginSlot(purpose: "compute", kind: .compute, selection: node.compute),
      ]
      slots += verifiers(node.verifiers)
    case .coordinator:
      let coordinator = try require(configuration.coordinator, role: role)
      slots += [
        PluginSlot(purpose: "attestation", kind: .attestation, selection: coordinator.attestation),
        PluginSlot(purpose: "transport", kind: .transport, selection: coordinator.transport),
      ]
      slots += verifiers(coordinator.verifiers)
    case .client:
      let client = try require(configuration.client, role: role)
      if let attestation = client.attestation {
        slots.append(PluginSlot(purpose: "attestation", kind: .attestation, selection: attestation))
      }
      slots.append(PluginSlot(purpose: "transport", kind: .transport, selection: client.transport))
      slots += verifiers(client.verifiers)
    }
    return slots
  }

  private static func require<T>(_ section: T?, role: Role) throws -> T {
    guard let section else {
      throw CocoonError(
        .configMissingKey,
        "the configuration has no '\(role):' section; add one to run cocoon-\(role) (see README.md, Configuration)")
    }
    return section
  }
}
