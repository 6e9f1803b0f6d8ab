import CocoonBuiltinPlugins
import CocoonCommandLine
import CocoonRuntime

await CocoonMain.main(NodeCommand.self, plugins: PluginRegistry.builtIn())
