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
struct ProcessResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs a built executable to completion in `directory`.
func runProduct(
  _ name: String, _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:]
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = productsDirectory.appendingPathComponent(name)
  process.arguments = arguments
  process.currentDirectoryURL = directory
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
    stderr: String(decoding: stderr, as: UTF8.self))
}

/// Writes `text` to a new temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "cocoon.yaml") throws -> URL {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  let url = directory.appendingPathComponent(name)
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url
}
