public import BigInt
public import TON
public import TONEmulator

/// Reads a get-method's result stack (bottom first) value by value.
public struct StackReader {
  private let values: [TVMValue]
  private var index = 0

  /// Reads `values`, expecting exactly `count` of them.
  public init(_ values: [TVMValue], count: Int, method: String) throws {
    guard values.count == count else {
      throw TONError(.invalidValue, "\(method) returned \(values.count) values; \(count) expected")
    }
    self.values = values
  }

  private mutating func next() -> TVMValue {
    defer { index += 1 }
    return values[index]
  }

  /// An integer.
  public mutating func int() throws -> BigInt {
    guard let value = next().integer else { throw TONError(.invalidValue, "stack value \(index) is not an integer") }
    return value
  }

  /// A non-negative integer.
  public mutating func uint() throws -> BigUInt {
    let value = try int()
    guard value.sign == .plus else { throw TONError(.invalidValue, "stack value \(index) is negative") }
    return value.magnitude
  }

  /// An integer that fits `T`.
  public mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
    guard let value = T(exactly: try int()) else {
      throw TONError(.invalidValue, "stack value \(index) is out of range")
    }
    return value
  }

  /// A 256-bit integer as 32 big-endian bytes.
  public mutating func bytes32() throws -> [UInt8] {
    let data = [UInt8](try uint().serialize())
    guard data.count <= 32 else { throw TONError(.invalidValue, "stack value \(index) exceeds 256 bits") }
    return [UInt8](repeating: 0, count: 32 - data.count) + data
  }

  /// An address (a slice holding `MsgAddressInt`).
  public mutating func address() throws -> Address {
    guard let address = try next().address else {
      throw TONError(.invalidValue, "stack value \(index) is not an address")
    }
    return address
  }

  /// A cell, or nil for `null` (an empty dictionary).
  public mutating func optionalCell() throws -> Cell? {
    let value = next()
    if value == .null { return nil }
    guard case .cell(let cell) = value else { throw TONError(.invalidValue, "stack value \(index) is not a cell") }
    return cell
  }
}

extension CellSlice {
  /// Reads an address that must be present.
  mutating func loadRequiredAddress() throws -> Address {
    guard let address = try loadAddress() else {
      throw TONError(.invalidAddress, "an address was expected, not addr_none")
    }
    return address
  }
}
