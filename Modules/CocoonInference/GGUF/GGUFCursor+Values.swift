extension GGUFCursor {
  /// Reads one metadata value (after its key).
  mutating func readValue(key: String) throws -> GGUFValue {
    let type = try read(UInt32.self, "type of \(key)")
    if type == 9 {
      let elementType = try read(UInt32.self, "array type of \(key)")
      let count = try readCount("array length of \(key)", limit: bytes.count)
      return try readArray(elementType, count: count, key: key)
    }
    return try readScalar(type, key: key)
  }

  private mutating func readScalar(_ type: UInt32, key: String) throws -> GGUFValue {
    switch type {
    case 0: .uint(UInt64(try read(UInt8.self, key)))
    case 1: .int(Int64(try read(Int8.self, key)))
    case 2: .uint(UInt64(try read(UInt16.self, key)))
    case 3: .int(Int64(try read(Int16.self, key)))
    case 4: .uint(UInt64(try read(UInt32.self, key)))
    case 5: .int(Int64(try read(Int32.self, key)))
    case 6: .float(Double(Float(bitPattern: try read(UInt32.self, key))))
    case 7: .bool(try read(UInt8.self, key) != 0)
    case 8: .string(try readString(key))
    case 10: .uint(try read(UInt64.self, key))
    case 11: .int(try read(Int64.self, key))
    case 12: .float(Double(bitPattern: try read(UInt64.self, key)))
    default: throw error("metadata \(key) has unknown value type \(type); accepted: 0 to 12")
    }
  }

  private mutating func readArray(_ type: UInt32, count: Int, key: String) throws -> GGUFValue {
    switch type {
    case 8:
      var strings: [String] = []
      strings.reserveCapacity(count)
      for _ in 0..<count { strings.append(try readString(key)) }
      return .stringArray(strings)
    case 6:
      try need(count * 4, key)
      var values = [Double](repeating: 0, count: count)
      for i in 0..<count {
        values[i] = Double(Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * i, as: UInt32.self))))
      }
      offset += count * 4
      return .floatArray(values)
    case 12:
      var values: [Double] = []
      for _ in 0..<count { values.append(Double(bitPattern: try read(UInt64.self, key))) }
      return .floatArray(values)
    case 7:
      var values: [Bool] = []
      for _ in 0..<count { values.append(try read(UInt8.self, key) != 0) }
      return .boolArray(values)
    case 0, 1, 2, 3, 4, 5, 10, 11:
      var values: [Int64] = []
      values.reserveCapacity(count)
      for _ in 0..<count {
        guard case let scalar = try readScalar(type, key: key), let v = scalar.intValue else {
          throw error("metadata \(key) has an integer too large")
        }
        values.append(Int64(v))
      }
      return .intArray(values)
    case 9: throw error("metadata \(key) is a nested array; not supported")
    default: throw error("metadata \(key) has unknown array type \(type); accepted: 0 to 12")
    }
  }
}
