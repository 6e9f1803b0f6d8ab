import Foundation

/// Paths of the shared fixtures (`../shared/fixtures`, or `COCOON_FIXTURES`).
enum CLIFixtures {
  static let directory: String = {
    if let override = ProcessInfo.processInfo.environment["COCOON_FIXTURES"] { return override }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("shared/fixtures").path
  }()

  static func path(_ name: String) -> String { directory + "/" + name }

  /// Decodes the single JSON object a command printed.
  static func object(_ json: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
  }
}
