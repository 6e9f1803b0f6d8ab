public import CocoonConfig
public import CocoonCore

/// What `check-config` prints: the composed deployment of one role, plugin by plugin, secrets masked.
public struct DeploymentReport: Sendable {
  /// One plugin slot and whether this binary can serve it.
  public struct Line: Sendable {
    public var slot: PluginSlot
    /// nil when the plugin is registered and its options are valid.
    public var problem: CocoonError?
    /// What the plugin says its options resolve to.
    public var resolved: [String] = []
  }

  public var role: Role
  public var loaded: LoadedConfiguration
  public var lines: [Line]

  /// Whether every plugin is available and configured correctly.
  public var isComplete: Bool { lines.allSatisfy { $0.problem == nil } }

  /// Checks every plugin slot of `role` against `plugins` without making anything.
  public init(role: Role, loaded: LoadedConfiguration, plugins: PluginRegistry) throws {
    self.role = role
    self.loaded = loaded
    self.lines = try RolePlan.slots(for: role, in: loaded.configuration).map { slot in
      do {
        let resolved = try plugins.validate(slot.selection, kind: slot.kind)
        return Line(slot: slot, problem: nil, resolved: resolved)
      } catch let error as CocoonError {
        return Line(slot: slot, problem: error)
      }
    }
  }

  /// The report as text.
  public func render() -> String {
    let network = loaded.configuration.network
    var out = "cocoon-\(role) deployment from \(loaded.path)\n"
    out += "network: \(network.name)\(network.insecure ? " (INSECURE: development-only plugins allowed)" : "")\n"
    for line in lines {
      let status = line.problem == nil ? "ok" : "NOT AVAILABLE"
      out += "\(line.slot.label) (\(line.slot.kind)): \(line.slot.selection.plugin) [\(status)]\n"
      if let problem = line.problem { out += "  error: \(problem.reason)\n" }
      out += OptionsRenderer.render(line.slot.selection.options.tree, environment: loaded.environment, indent: "  ")
      for fact in line.resolved { out += "  → \(fact)\n" }
    }
    if let registry = loaded.configuration.registry {
      out += "registry: \(registry.models.count) model(s): \(registry.models.map(\.name).joined(separator: ", "))\n"
      out += "  price per token: \(registry.prices.pricePerToken) nano, node fee: \(registry.prices.nodeFeePerToken) nano\n"
    }
    let problems = lines.filter { $0.problem != nil }.count
    out += problems == 0 ? "configuration OK\n" : "\(problems) plugin(s) cannot be made; see the errors above\n"
    return out
  }
}

/// Prints plugin options as YAML-like lines with secrets masked.
enum OptionsRenderer {
  /// Keys whose values are never printed.
  static let secretWords = ["token", "secret", "password", "mnemonic", "private", "key"]

  static func render(_ tree: YAMLTree, environment: [String: String], indent: String, key: String = "") -> String {
    switch tree {
    case .mapping(let entries, _):
      if entries.isEmpty { return "" }
      return entries.map { entry in
        switch entry.value {
        case .scalar:
          "\(indent)\(entry.key): \(render(entry.value, environment: environment, indent: "", key: entry.key))"
        default:
          "\(indent)\(entry.key):\n" + render(entry.value, environment: environment, indent: indent + "  ", key: entry.key)
        }
      }.joined()
    case .sequence(let elements, _):
      return elements.map { element in
        "\(indent)- " + render(element, environment: environment, indent: indent + "  ", key: key)
          .trimmingPrefix(while: { $0 == " " })
      }.joined()
    case .scalar(let text, _, _):
      if text.contains("${") { return "<secret from \(text)>\n" }
      let lowered = key.lowercased()
      if secretWords.contains(where: { lowered.contains($0) }) && !lowered.hasSuffix("_path") && !lowered.hasSuffix("_file")
        && lowered != "keys"  // a folder of key files, not a key
      {
        return "<secret>\n"
      }
      return text + "\n"
    }
  }
}

extension String {
  fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> String {
    String(drop(while: predicate))
  }
}
