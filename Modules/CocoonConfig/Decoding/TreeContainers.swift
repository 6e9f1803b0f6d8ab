import CocoonCore

/// Keyed access to a mapping; remembers which keys the schema asked for.
struct KeyedTreeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: TreeDecoder
  let visit: DecodingSession.MappingVisit

  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] {
    visit.entries.compactMap { entry in
      visit.requested.insert(entry.key)
      return Key(stringValue: entry.key)
    }
  }

  private func entry(for key: Key) -> YAMLTree.Entry? {
    let snake = snakeCase(key.stringValue)
    visit.requested.insert(key.stringValue)
    visit.requested.insert(snake)
    visit.acceptedSpellings.insert(snake)
    return visit.entries.first { $0.key == key.stringValue } ?? visit.entries.first { $0.key == snake }
  }

  func contains(_ key: Key) -> Bool { entry(for: key) != nil }

  func decodeNil(forKey key: Key) throws -> Bool { entry(for: key)?.value.isNull ?? true }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    guard let entry = entry(for: key) else {
      let place = codingPath.isEmpty ? "at the top level" : "in '\(pathDescription(codingPath))'"
      throw CocoonError.config(
        .configMissingKey, at: visit.location, "missing required key '\(snakeCase(key.stringValue))' \(place)",
        accepted: "add '\(snakeCase(key.stringValue)):' with a value")
    }
    return try decoder.child(entry.value, key: key).decodeNested(type)
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let entry = entry(for: key), !entry.value.isNull else { return nil }
    return try decoder.child(entry.value, key: key).decodeNested(type)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try decoder.child(entry(for: key)?.value ?? .mapping([], visit.location), key: key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder.child(entry(for: key)?.value ?? .sequence([], visit.location), key: key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> any Decoder {
    decoder.child(entry(for: key)?.value ?? .scalar("", quoted: false, visit.location), key: key)
  }
}

/// Sequential access to a list.
struct UnkeyedTreeContainer: UnkeyedDecodingContainer {
  let decoder: TreeDecoder
  let elements: [YAMLTree]
  var currentIndex = 0

  init(decoder: TreeDecoder, elements: [YAMLTree]) {
    self.decoder = decoder
    self.elements = elements
  }

  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next() throws -> TreeDecoder {
    guard !isAtEnd else { throw decoder.mismatch(expected: "more list items") }
    defer { currentIndex += 1 }
    return decoder.child(elements[currentIndex], key: IndexKey(currentIndex))
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex].isNull else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeNested(type) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  { try next().container(keyedBy: type) }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
  mutating func superDecoder() throws -> any Decoder { try next() }
}

/// A single scalar (or a nested value decoded through `init(from:)`).
struct SingleValueTreeContainer: SingleValueDecodingContainer {
  let decoder: TreeDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { decoder.tree.isNull }
  func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool() }
  func decode(_ type: String.Type) throws -> String { try decoder.decodeString() }
  func decode(_ type: Double.Type) throws -> Double { try decoder.decodeFloatingPoint(Double.self) }
  func decode(_ type: Float.Type) throws -> Float { try decoder.decodeFloatingPoint(Float.self) }
  func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeNested(type) }
}
