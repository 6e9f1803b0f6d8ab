import CocoonBuiltinPlugins
import CocoonCommandLine
import CocoonRuntime

await CocoonMain.main(CoordinatorCommand.self, plugins: PluginRegistry.builtIn())
