// A cocoon-node with one more plugin: the built-in registry plus EchoComputePlugin.
import CocoonBuiltinPlugins
import CocoonCommandLine
import CocoonRuntime
import EchoCompute

var plugins = PluginRegistry.builtIn()
do {
  try plugins.register(EchoComputePlugin.self)
} catch {
  fatalError("\(error)")
}
await CocoonMain.main(NodeCommand.self, plugins: plugins)
