public import ArgumentParser
import CocoonCore
public import CocoonRuntime
import Foundation

/// A command that needs the binary's plugins.
public protocol PluginCommand: ParsableCommand {
  /// Runs the command with the registry `main` built.
  func run(plugins: PluginRegistry) async throws
}

/// The entry point of every Cocoon binary, built-in or third-party.
public enum CocoonMain {
  /// Parses the arguments for `root`, runs the chosen command with `plugins`, and exits.
  ///
  /// Exit codes: 0 success, 1 a runtime failure, 2 bad configuration or arguments.
  public static func main(
    _ root: any ParsableCommand.Type, plugins: PluginRegistry,
    arguments: [String] = Array(CommandLine.arguments.dropFirst())
  ) async -> Never {
    do {
      var command = try root.parseAsRoot(arguments)
      if let pluginCommand = command as? any PluginCommand {
        try await pluginCommand.run(plugins: plugins)
      } else if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      exit(0)
    } catch let error as CocoonError {
      FileHandle.standardError.write(Data("error: \(error.reason)\n".utf8))
      exit(error.code.identifier.hasPrefix("config.") ? 2 : 1)
    } catch {
      root.exit(withError: error)
    }
  }
}
