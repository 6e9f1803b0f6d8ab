import ArgumentParser
import CocoonComputeCLI

/// Runs the `generate` command on its own (the node mounts the same command under `cocoon-node`).
@main
enum GenerateEntry {
  static func main() async { await GenerateCommand.main() }
}
