import Foundation

/// Paths of the CPU engine's test inputs, relative to this repository.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let directory = root.appendingPathComponent("Tests/Fixtures/cpu")
  /// The reference model, fetched by `Tools/fetch-model` (not in git).
  static let gemmaPath = root.appendingPathComponent("models/gemma-3-270m-q4_k_m.gguf").path
  static let gemmaSHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
  static let llamaRandomPath = directory.appendingPathComponent("llama-random.gguf").path

  static var hasGemma: Bool { FileManager.default.fileExists(atPath: gemmaPath) }
  static let missingGemma = "reference model missing: run Tools/fetch-model to place models/gemma-3-270m-q4_k_m.gguf"

  static func json<T: Decodable>(_ name: String, as: T.Type) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
  }

  /// A fresh temporary file holding `bytes`.
  static func temporaryFile(_ bytes: [UInt8], name: String = "model.gguf") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-cpu-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }
}
