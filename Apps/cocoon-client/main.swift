import CocoonBuiltinPlugins
import CocoonCommandLine
import CocoonRuntime

await CocoonMain.main(ClientCommand.self, plugins: PluginRegistry.builtIn())
