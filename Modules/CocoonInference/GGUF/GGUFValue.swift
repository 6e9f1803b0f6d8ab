/// A metadata value in a GGUF file.
public enum GGUFValue: Sendable {
  case uint(UInt64)
  case int(Int64)
  case float(Double)
  case bool(Bool)
  case string(String)
  /// Arrays of strings are kept as strings; numeric arrays as their widened values.
  case stringArray([String])
  case intArray([Int64])
  case floatArray([Double])
  case boolArray([Bool])

  /// The value as an integer, when it is one.
  public var intValue: Int? {
    switch self {
    case .uint(let v): Int(exactly: v)
    case .int(let v): Int(exactly: v)
    default: nil
    }
  }

  /// The value as a floating-point number, when it is numeric.
  public var doubleValue: Double? {
    switch self {
    case .float(let v): v
    case .uint(let v): Double(v)
    case .int(let v): Double(v)
    default: nil
    }
  }

  public var boolValue: Bool? {
    if case .bool(let v) = self { return v }
    return nil
  }

  public var stringValue: String? {
    if case .string(let v) = self { return v }
    return nil
  }
}
