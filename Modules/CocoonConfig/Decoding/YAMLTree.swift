import CocoonCore
import Yams

/// A parsed YAML document that keeps the position of every value; `Sendable`, unlike Yams' node graph.
public indirect enum YAMLTree: Sendable, Hashable {
  /// One entry of a mapping, with the position of its key.
  public struct Entry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLTree
  }

  /// A scalar; `quoted` is true for quoted strings (never null, never a number by accident).
  case scalar(String, quoted: Bool, SourceLocation)
  case mapping([Entry], SourceLocation)
  case sequence([YAMLTree], SourceLocation)

  /// Where the value starts.
  public var location: SourceLocation {
    switch self {
    case .scalar(_, _, let location), .mapping(_, let location), .sequence(_, let location): location
    }
  }

  /// A short name of the value's shape, for messages.
  public var shapeDescription: String {
    switch self {
    case .scalar(let text, let quoted, _): isNull ? "null" : quoted ? "the string \"\(text)\"" : "'\(text)'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    }
  }

  /// Whether this is a YAML null (`~`, `null`, or nothing).
  public var isNull: Bool {
    if case .scalar(let text, false, _) = self { return ["", "~", "null", "Null", "NULL"].contains(text) }
    return false
  }

  /// Parses YAML text; `file` names it in locations.
  /// - Throws: ``CocoonError`` with code `configSyntax` at the position the parser stopped.
  public static func parse(_ text: String, file: String) throws -> YAMLTree {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw syntaxError(error, file: file)
    }
    guard let node else { return .mapping([], SourceLocation(file: file, line: 1, column: 1)) }
    return try convert(node, file: file)
  }

  private static func convert(_ node: Node, file: String) throws -> YAMLTree {
    let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    switch node {
    case .scalar(let scalar):
      let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted || scalar.style == .literal
        || scalar.style == .folded
      return .scalar(scalar.string, quoted: quoted, location)
    case .mapping(let mapping):
      var entries: [Entry] = []
      var seen: [String: SourceLocation] = [:]
      for (key, value) in mapping {
        let keyTree = try convert(key, file: file)
        guard case .scalar(let name, _, let keyLocation) = keyTree else {
          throw CocoonError.config(
            .configTypeMismatch, at: keyTree.location, "a mapping key must be a plain name, found \(keyTree.shapeDescription)")
        }
        if let first = seen[name] {
          throw CocoonError.config(
            .configInvalidValue, at: keyLocation, "duplicate key '\(name)' (first defined at \(first.line):\(first.column))",
            accepted: "each key at most once per mapping")
        }
        seen[name] = keyLocation
        entries.append(Entry(key: name, keyLocation: keyLocation, value: try convert(value, file: file)))
      }
      return .mapping(entries, location)
    case .sequence(let sequence):
      return .sequence(try sequence.map { try convert($0, file: file) }, location)
    case .alias:
      throw CocoonError.config(
        .configInvalidValue, at: location, "YAML aliases are not supported", accepted: "write the value out in full")
    }
  }

  private static func syntaxError(_ error: YamlError, file: String) -> CocoonError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
      return .config(
        .configSyntax, at: SourceLocation(file: file, line: mark.line, column: mark.column), "invalid YAML: \(problem)",
        accepted: "check indentation, colons and quotes")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return .config(
        .configInvalidValue, at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
        "duplicate key \(names) in this mapping", accepted: "each key at most once per mapping")
    case .reader(let problem, _, _, _):
      return CocoonError(.configSyntax, "\(file): cannot read YAML: \(problem); save the file as UTF-8")
    default:
      return CocoonError(.configSyntax, "\(file): invalid YAML: \(error)")
    }
  }
}
