public import CocoonConfig
public import CocoonCore

/// Which plugins a role needs, read from the configuration.
public enum RolePlan {
  /// The slots of `role`, in the order they are made.
  /// - Throws: ``CocoonError`` when the file has no section for the role.
  public static func slots(for role: Role, in configuration: CocoonConfiguration) throws -> [PluginSlot] {
    var slots: [PluginSlot] = [.payment(configuration.payment)]
    switch role {
    case .node:
      let node = try section(configuration.node, role: role)
      slots += [.attestation(node.attestation), .transport(node.transport), .compute(node.compute)]
      slots += (node.verifiers ?? []).map(PluginSlot.verifier)
    case .coordinator:
      let coordinator = try section(configuration.coordinator, role: role)
      slots += [.attestation(coordinator.attestation), .transport(coordinator.transport)]
      slots += (coordinator.verifiers ?? []).map(PluginSlot.verifier)
    case .client:
      let client = try section(configuration.client, role: role)
      if let attestation = client.attestation { slots.append(.attestation(attestation)) }
      slots.append(.transport(client.transport))
      slots += client.verifiers.map(PluginSlot.verifier)
    }
    return slots
  }

  /// The role's section of the configuration.
  /// - Throws: ``CocoonError`` (`configMissingKey`) naming the section to add.
  public static func section<T>(_ section: T?, role: Role) throws -> T {
    guard let section else {
      throw CocoonError(
        .configMissingKey,
        "the configuration has no '\(role):' section; add one to run cocoon-\(role) (see README.md, Configuration)")
    }
    return section
  }
}
