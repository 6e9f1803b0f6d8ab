/// Finds the exact text of a top-level member's object value in JSON, without re-encoding it.
///
/// Intel signs the bytes of `tcbInfo` / `enclaveIdentity` as they appear in the PCS response, so the text must be
/// cut out, not decoded and encoded again.
enum RawJSON {
  /// The text of `{"key": {…}}`'s object value, braces included; nil when absent or malformed.
  static func objectText(forKey key: String, in json: [UInt8]) -> [UInt8]? {
    let needle = Array("\"\(key)\"".utf8)
    var index = 0
    var depth = 0
    while index < json.count {
      let byte = json[index]
      if byte == UInt8(ascii: "\"") {
        if depth == 1, json[index...].starts(with: needle) {
          var cursor = index + needle.count
          while cursor < json.count, json[cursor] == 0x20 || json[cursor] == 0x0A || json[cursor] == 0x0D || json[cursor] == 0x09 {
            cursor += 1
          }
          guard cursor < json.count, json[cursor] == UInt8(ascii: ":") else { return nil }
          cursor += 1
          while cursor < json.count, json[cursor] == 0x20 || json[cursor] == 0x0A || json[cursor] == 0x0D || json[cursor] == 0x09 {
            cursor += 1
          }
          guard cursor < json.count, json[cursor] == UInt8(ascii: "{"), let end = matchingBrace(json, from: cursor) else {
            return nil
          }
          return Array(json[cursor...end])
        }
        guard let end = stringEnd(json, from: index) else { return nil }
        index = end + 1
        continue
      }
      if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
      if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
      index += 1
    }
    return nil
  }

  /// The index of the closing quote of the string starting at `start`.
  private static func stringEnd(_ json: [UInt8], from start: Int) -> Int? {
    var index = start + 1
    while index < json.count {
      if json[index] == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if json[index] == UInt8(ascii: "\"") { return index }
      index += 1
    }
    return nil
  }

  /// The index of the brace closing the object that opens at `start`.
  private static func matchingBrace(_ json: [UInt8], from start: Int) -> Int? {
    var depth = 0
    var index = start
    while index < json.count {
      switch json[index] {
      case UInt8(ascii: "\""):
        guard let end = stringEnd(json, from: index) else { return nil }
        index = end
      case UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 { return index }
      default: break
      }
      index += 1
    }
    return nil
  }
}
