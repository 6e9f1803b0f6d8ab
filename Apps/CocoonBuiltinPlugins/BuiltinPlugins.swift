public import CocoonRuntime

extension PluginRegistry {
  /// The plugins Cocoon ships. A third-party binary starts from this and registers its own.
  public static func builtIn() -> PluginRegistry {
    let registry = PluginRegistry()
    return registry
  }
}
