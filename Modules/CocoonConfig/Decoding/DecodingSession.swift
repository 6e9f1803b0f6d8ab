import Foundation
import CocoonCore

/// State shared by all decoders of one document: the environment, the mappings seen (to reject unknown keys after
/// decoding) and the values that came from environment variables (to mask them when printing).
final class DecodingSession {
  /// One decoded mapping and the keys the schema asked for.
  final class MappingVisit {
    let entries: [YAMLTree.Entry]
    let location: SourceLocation
    let path: String
    var requested: Set<String> = []
    /// Requested keys in the spelling the file should use, for "accepted:" lists.
    var acceptedSpellings: Set<String> = []

    init(entries: [YAMLTree.Entry], location: SourceLocation, path: String) {
      self.entries = entries
      self.location = location
      self.path = path
    }
  }

  let environment: [String: String]
  private(set) var visits: [MappingVisit] = []
  private(set) var substituted: Set<SourceLocation> = []

  init(environment: [String: String]) { self.environment = environment }

  func visit(entries: [YAMLTree.Entry], location: SourceLocation, path: String) -> MappingVisit {
    let visit = MappingVisit(entries: entries, location: location, path: path)
    visits.append(visit)
    return visit
  }

  /// Replaces each `${NAME}` in a scalar with the variable's value.
  /// - Throws: `configMissingEnvironment` when a variable is not set, `configInvalidValue` for a malformed reference.
  func substitute(_ text: String, at location: SourceLocation) throws -> String {
    guard text.contains("${") else { return text }
    var output = ""
    var rest = Substring(text)
    while let start = rest.range(of: "${") {
      output += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
        throw CocoonError.config(
          .configInvalidValue, at: location, "unterminated environment reference in '\(text)'",
          accepted: "${NAME} with NAME made of letters, digits and _")
      }
      let name = String(rest[start.upperBound..<end])
      guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
        name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) })
      else {
        throw CocoonError.config(
          .configInvalidValue, at: location, "'${\(name)}' is not a valid environment reference",
          accepted: "${NAME} with NAME made of letters, digits and _")
      }
      guard let value = environment[name] else {
        throw CocoonError.config(
          .configMissingEnvironment, at: location, "environment variable \(name) is not set",
          accepted: "set \(name) in the environment, or replace ${\(name)} with a value")
      }
      output += value
      rest = rest[rest.index(after: end)...]
    }
    substituted.insert(location)
    return output + rest
  }

  /// The first key, in document order, that no decoder asked for.
  func firstUnknownKey() -> CocoonError? {
    var requestedByMapping: [SourceLocation: (visit: MappingVisit, keys: Set<String>, accepted: Set<String>)] = [:]
    for visit in visits {
      var merged = requestedByMapping[visit.location] ?? (visit, [], [])
      merged.keys.formUnion(visit.requested)
      merged.accepted.formUnion(visit.acceptedSpellings)
      requestedByMapping[visit.location] = merged
    }
    let unknown = requestedByMapping.values.flatMap { merged in
      merged.visit.entries.filter { !merged.keys.contains($0.key) }.map { (entry: $0, merged: merged) }
    }
    guard
      let first = unknown.min(by: {
        ($0.entry.keyLocation.line, $0.entry.keyLocation.column) < ($1.entry.keyLocation.line, $1.entry.keyLocation.column)
      })
    else { return nil }
    let accepted = first.merged.accepted.sorted().joined(separator: ", ")
    let place = first.merged.visit.path.isEmpty ? "at the top level" : "in '\(first.merged.visit.path)'"
    return .config(
      .configUnknownKey, at: first.entry.keyLocation, "unknown key '\(first.entry.key)' \(place)",
      accepted: accepted.isEmpty ? "no keys here" : "accepted: \(accepted)")
  }
}

/// Converts a Swift property name to the file's spelling: `maxActiveRequests` → `max_active_requests`.
func snakeCase(_ name: String) -> String {
  var output = ""
  for character in name {
    if character.isUppercase {
      if !output.isEmpty { output.append("_") }
      output += character.lowercased()
    } else {
      output.append(character)
    }
  }
  return output
}

/// Renders a coding path as `node.compute.options`.
func pathDescription(_ path: [any CodingKey]) -> String {
  path.map { key in key.intValue.map { "[\($0)]" } ?? snakeCase(key.stringValue) }
    .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
}
