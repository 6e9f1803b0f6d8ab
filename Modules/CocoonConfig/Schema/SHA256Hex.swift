/// A SHA-256 digest written as 64 hexadecimal digits; decoding rejects anything else at its location.
public struct SHA256Hex: Decodable, Sendable, Hashable, CustomStringConvertible {
  /// Lower-case hex.
  public let value: String

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard text.count == 64, text.allSatisfy(\.isHexDigit) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "'\(text)' is not a SHA-256 digest; accepted: 64 hexadecimal digits"))
    }
    value = text.lowercased()
  }

  public var description: String { value }
}
