

/// Which plugin serves a protocol, and its options: `{plugin: NAME, options: {...}}`.
public struct PluginSelection: Decodable, Sendable, Hashable {
  /// The plugin's registered name.
  public var plugin: String
  /// Where the name is written, for "unknown plugin" errors.
  public var location: SourceLocation
  /// The plugin's own options, decoded by the plugin.
  public var options: ConfigSubtree
  /// Where the selection sits, e.g. `node.compute`.
  public var path: String

  private enum CodingKeys: String, CodingKey {
    case plugin
    case options
  }

  public init(from decoder: any Decoder) throws {
    let whole = try ConfigSubtree(from: decoder)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    plugin = try container.decode(String.self, forKey: .plugin)
    let emptyOptions = ConfigSubtree(
      tree: .mapping([], whole.tree.location), path: whole.path + ".options", environment: whole.environment)
    options = try container.decodeIfPresent(ConfigSubtree.self, forKey: .options) ?? emptyOptions
    path = whole.path
    if case .mapping(let entries, _) = whole.tree, let entry = entries.first(where: { $0.key == "plugin" }) {
      location = entry.value.location
    } else {
      location = whole.tree.location
    }
  }
}
