import CocoonTestSupport
import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The folder holding the built executables: beside the test bundle.
let productsDirectory: URL = {
  var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("cocoon-node").path) {
    url = url.deletingLastPathComponent()
  }
  return url
}()

/// What a finished process printed and returned.
typealias ProcessResult = ChildProcessResult

/// Runs a built executable to completion in `directory`, without holding a cooperative pool thread.
func runProduct(
  _ name: String, _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:]
) async throws -> ProcessResult {
  try await ChildProcess.run(
    productsDirectory.appendingPathComponent(name), arguments, in: directory, environment: environment)
}

/// Writes `text` to a new temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "cocoon.yaml") throws -> URL {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  let url = directory.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url
}
