import TON
import Yams

extension SandboxConfiguration {
  static let sectionKeys = ["listen", "state_path", "emulator_path", "blockchain_config_path", "initial_accounts"]
  static let accountKeys = ["address", "balance"]

  /// Refuses unknown keys in the `ton_sandbox:` section, naming the file, line and column.
  static func checkKeys(_ text: String, path: String) throws {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw TONError(.invalidValue, "\(path): not valid YAML: \(error)")
    }
    guard let section = root?.mapping?["ton_sandbox"]?.mapping else { return }
    try check(section, allowed: sectionKeys, in: "ton_sandbox", path: path)
    for account in section["initial_accounts"]?.sequence ?? [] {
      guard let mapping = account.mapping else {
        throw TONError(.invalidValue, "\(location(path, account)): an initial account is a mapping with address and balance")
      }
      try check(mapping, allowed: accountKeys, in: "ton_sandbox.initial_accounts", path: path)
    }
  }

  private static func check(_ mapping: Node.Mapping, allowed: [String], in section: String, path: String) throws {
    for key in mapping.keys where !allowed.contains(key.string ?? "") {
      throw TONError(
        .invalidValue,
        "\(location(path, key)): unknown key '\(key.string ?? "?")' in \(section); accepted: \(allowed.joined(separator: ", "))")
    }
  }

  private static func location(_ path: String, _ node: Node) -> String {
    guard let mark = node.mark else { return path }
    return "\(path):\(mark.line):\(mark.column)"
  }
}
