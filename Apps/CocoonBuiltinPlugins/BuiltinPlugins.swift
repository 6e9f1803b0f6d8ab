public import CocoonRuntime
import CocoonPaymentLocal

extension PluginRegistry {
  /// The plugins Cocoon ships. A third-party binary starts from this and registers its own.
  public static func builtIn() -> PluginRegistry {
    var registry = PluginRegistry()
    // Names are unique here, so registration cannot fail.
    try? registry.register(LocalPaymentPlugin.self)
    return registry
  }
}
