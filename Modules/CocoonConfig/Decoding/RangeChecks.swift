extension KeyedDecodingContainer {
  /// Decodes a number and checks it lies in `range`, reporting the value's location otherwise.
  public func decode<T: Decodable & Comparable & CustomStringConvertible>(
    _ type: T.Type, forKey key: Key, in range: ClosedRange<T>
  ) throws -> T {
    let value = try decode(type, forKey: key)
    try Self.check(value, in: range, key: key, container: self)
    return value
  }

  /// Decodes an optional number and checks it lies in `range` when present.
  public func decodeIfPresent<T: Decodable & Comparable & CustomStringConvertible>(
    _ type: T.Type, forKey key: Key, in range: ClosedRange<T>
  ) throws -> T? {
    guard let value = try decodeIfPresent(type, forKey: key) else { return nil }
    try Self.check(value, in: range, key: key, container: self)
    return value
  }

  private static func check<T: Comparable & CustomStringConvertible>(
    _ value: T, in range: ClosedRange<T>, key: Key, container: Self
  ) throws {
    guard range.contains(value) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: container.codingPath + [key],
          debugDescription:
            "\(value) is out of range for '\(snakeCase(key.stringValue))'; accepted: \(range.lowerBound)…\(range.upperBound)",
          underlyingError: OutOfRangeMarker()))
    }
  }
}

/// Marks a `DecodingError` as a range violation, so it is reported with the `configOutOfRange` code.
struct OutOfRangeMarker: Error {}
