import CocoonCore

/// A part of the configuration kept as YAML, decoded later by whoever owns it (a plugin's `options:`), with the
/// same `file:line:column` errors and unknown-key checks as the rest of the file.
public struct ConfigSubtree: Decodable, Sendable, Hashable {
  /// The YAML value.
  public let tree: YAMLTree
  /// Where it sits in the document, e.g. `node.compute.options`.
  public let path: String
  /// The environment `${VAR}` references resolve against.
  let environment: [String: String]

  public init(from decoder: any Decoder) throws {
    guard let treeDecoder = decoder as? TreeDecoder else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "ConfigSubtree decodes only from YAMLDocumentDecoder"))
    }
    tree = treeDecoder.tree
    path = pathDescription(treeDecoder.codingPath)
    environment = treeDecoder.session.environment
  }

  /// A subtree made directly (for example an empty `options:` mapping when the file has none).
  public init(tree: YAMLTree, path: String, environment: [String: String]) {
    self.tree = tree
    self.path = path
    self.environment = environment
  }

  /// Decodes the subtree as `T`; null or absent decodes as an empty mapping.
  /// - Throws: ``CocoonError`` with the location of the offending value.
  public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let root = tree.isNull ? YAMLTree.mapping([], tree.location) : tree
    return try YAMLDocumentDecoder(environment: environment).decode(type, from: root, pathPrefix: path)
  }
}

/// Decodes typed configuration from a ``YAMLTree``: locations in every error, unknown keys rejected.
public struct YAMLDocumentDecoder: Sendable {
  public var environment: [String: String]

  public init(environment: [String: String]) { self.environment = environment }

  /// Decodes `type` from `tree`.
  /// - Parameter pathPrefix: the subtree's place in its document, for messages.
  public func decode<T: Decodable>(_ type: T.Type, from tree: YAMLTree, pathPrefix: String = "") throws -> T {
    let session = DecodingSession(environment: environment)
    let prefix: [any CodingKey] = pathPrefix.isEmpty ? [] : [PathKey(stringValue: pathPrefix)]
    let decoder = TreeDecoder(tree: tree, session: session, codingPath: prefix)
    let value: T
    do {
      value = try decoder.decodeNested(type)
    } catch let error as DecodingError {
      throw Self.locate(error, in: tree, prefixCount: prefix.count)
    }
    if let unknown = session.firstUnknownKey() { throw unknown }
    return value
  }

  /// Turns a `DecodingError` thrown by a type's own `init(from:)` into a located ``CocoonError``.
  static func locate(_ error: DecodingError, in tree: YAMLTree, prefixCount: Int) -> CocoonError {
    let context: DecodingError.Context
    switch error {
    case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
    @unknown default: return CocoonError(.configInvalidValue, "\(error)")
    }
    var node = tree
    for key in context.codingPath.dropFirst(prefixCount) {
      switch node {
      case .mapping(let entries, _):
        if let entry = entries.first(where: { $0.key == key.stringValue || $0.key == snakeCase(key.stringValue) }) {
          node = entry.value
        }
      case .sequence(let elements, _):
        if let index = key.intValue, elements.indices.contains(index) { node = elements[index] }
      case .scalar: break
      }
    }
    let code: CocoonError.Code = context.underlyingError is OutOfRangeMarker ? .configOutOfRange : .configInvalidValue
    return .config(code, at: node.location, context.debugDescription)
  }
}

/// A coding key that carries an already-rendered path prefix.
struct PathKey: CodingKey {
  let stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
