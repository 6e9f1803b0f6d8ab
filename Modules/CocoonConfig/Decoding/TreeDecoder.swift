import CocoonCore

/// A `Decoder` over a ``YAMLTree`` that reports every problem at its `file:line:column`.
struct TreeDecoder: Decoder {
  let tree: YAMLTree
  let session: DecodingSession
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .mapping(let entries, let location) = tree else {
      throw mismatch(expected: "a mapping (key: value lines)")
    }
    let visit = session.visit(entries: entries, location: location, path: pathDescription(codingPath))
    return KeyedDecodingContainer(KeyedTreeContainer<Key>(decoder: self, visit: visit))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    if tree.isNull { return UnkeyedTreeContainer(decoder: self, elements: []) }
    guard case .sequence(let elements, _) = tree else { throw mismatch(expected: "a list") }
    return UnkeyedTreeContainer(decoder: self, elements: elements)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueTreeContainer(decoder: self) }

  func child(_ tree: YAMLTree, key: any CodingKey) -> TreeDecoder {
    TreeDecoder(tree: tree, session: session, codingPath: codingPath + [key])
  }

  func mismatch(expected: String) -> CocoonError {
    let field = codingPath.isEmpty ? "" : " for '\(pathDescription(codingPath))'"
    return .config(
      .configTypeMismatch, at: tree.location, "expected \(expected)\(field), found \(tree.shapeDescription)")
  }

  // MARK: Scalars

  func scalarText(expected: String) throws -> String {
    guard case .scalar(let text, _, let location) = tree, !tree.isNull else { throw mismatch(expected: expected) }
    return try session.substitute(text, at: location)
  }

  func decodeString() throws -> String { try scalarText(expected: "a string") }

  func decodeBool() throws -> Bool {
    switch try scalarText(expected: "true or false").lowercased() {
    case "true": return true
    case "false": return false
    default: throw mismatch(expected: "true or false")
    }
  }

  func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    let text = try scalarText(expected: "an integer").replacingUnderscores()
    if let value = T(text) { return value }
    if Int128(text) != nil || text.allSatisfy({ $0.isNumber || $0 == "-" }) && text.contains(where: \.isNumber) {
      throw CocoonError.config(
        .configOutOfRange, at: tree.location, "\(text) is out of range\(fieldSuffix)",
        accepted: "accepted: \(T.min)…\(T.max)")
    }
    throw mismatch(expected: "an integer")
  }

  func decodeFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
    let text = try scalarText(expected: "a number").replacingUnderscores()
    guard let value = T(text), value.isFinite else { throw mismatch(expected: "a number") }
    return value
  }

  func decodeNested<T: Decodable>(_ type: T.Type) throws -> T {
    switch type {
    case is String.Type: return try decodeString() as! T
    case is Bool.Type: return try decodeBool() as! T
    case is Int.Type: return try decodeInteger(Int.self) as! T
    case is Int64.Type: return try decodeInteger(Int64.self) as! T
    case is UInt64.Type: return try decodeInteger(UInt64.self) as! T
    case is Double.Type: return try decodeFloatingPoint(Double.self) as! T
    default: return try T(from: self)
    }
  }

  private var fieldSuffix: String { codingPath.isEmpty ? "" : " for '\(pathDescription(codingPath))'" }
}

extension String {
  fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

/// A position in a list, as a coding key.
struct IndexKey: CodingKey {
  let intValue: Int?
  var stringValue: String { "\(intValue ?? 0)" }
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}
