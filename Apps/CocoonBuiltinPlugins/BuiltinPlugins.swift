import CocoonAttestationInsecure
import CocoonAttestationSEVSNP
import CocoonAttestationTDX
import CocoonCPUPlugin
import CocoonPaymentLocal
import CocoonPaymentTON
public import CocoonRuntime
import CocoonTransportRATLS
import CocoonTransportTCP

extension PluginRegistry {
  /// The plugins Cocoon ships. A third-party binary starts from this and registers its own.
  public static func builtIn() -> PluginRegistry {
    var registry = PluginRegistry()
    do {
      try registry.register(TDXPlugin.self)
      try registry.register(SEVSNPMockPlugin.self)
      try registry.register(InsecurePlugin.self)
      try registry.register(CPUComputePlugin.self)
      try registry.register(LocalPaymentPlugin.self)
      try registry.register(TONSandboxPaymentPlugin.self)
      try registry.register(TONTestnetPaymentPlugin.self)
      try registry.register(TONMainnetPaymentPlugin.self)
      try registry.register(RATLSTransportPlugin.self)
      try registry.register(TCPTransportPlugin.self)
    } catch {
      preconditionFailure("built-in plugin names collide: \(error)")
    }
    return registry
  }
}
