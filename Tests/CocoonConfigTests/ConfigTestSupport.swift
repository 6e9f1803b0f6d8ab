import CocoonConfig
import CocoonCore
import Foundation
import Testing

/// A minimal valid configuration; tests change one line at a time. Line numbers are stated beside each line.
let baseConfiguration = """
  network:
    name: test
  payment:
    plugin: local
  node:
    coordinators: [127.0.0.1:9301]
    attestation:
      plugin: insecure
    transport:
      plugin: tcp
    compute:
      plugin: cpu
    models:
      - name: m
        path: m.gguf
  """
// lines: 1 network, 2 name, 3 payment, 4 plugin, 5 node, 6 coordinators, 7 attestation, 8 plugin,
// 9 transport, 10 plugin, 11 compute, 12 plugin, 13 models, 14 - name, 15 path

/// Loads configuration text as `test.yaml`.
func load(_ text: String, environment: [String: String] = [:]) throws -> LoadedConfiguration {
  try ConfigLoader.load(text: text, path: "test.yaml", directory: "/tmp", environment: environment)
}

/// The reason of the `CocoonError` that loading `text` throws.
func loadError(_ text: String, environment: [String: String] = [:]) -> CocoonError? {
  do {
    _ = try load(text, environment: environment)
    return nil
  } catch let error as CocoonError {
    return error
  } catch {
    Issue.record("unexpected error type: \(error)")
    return nil
  }
}

/// `base` with `line` (1-based) replaced by `replacement` (which may hold several lines).
func replacing(line: Int, with replacement: String, in base: String = baseConfiguration) -> String {
  var lines = base.components(separatedBy: "\n")
  lines[line - 1] = replacement
  return lines.joined(separator: "\n")
}

/// `base` with `text` inserted after `line`.
func inserting(_ text: String, after line: Int, in base: String = baseConfiguration) -> String {
  var lines = base.components(separatedBy: "\n")
  lines.insert(text, at: line)
  return lines.joined(separator: "\n")
}
