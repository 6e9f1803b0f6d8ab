/// An amount of money in nano-units (10⁻⁹ of a TON, or of the local ledger's unit). Exact integer arithmetic only.
public struct NanoAmount: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByIntegerLiteral
{
  /// Nano-units per whole unit.
  public static let perUnit: UInt64 = 1_000_000_000
  public static let zero = NanoAmount(0)

  public let rawValue: UInt64

  public init(rawValue: UInt64) { self.rawValue = rawValue }
  public init(_ rawValue: UInt64) { self.rawValue = rawValue }
  public init(integerLiteral value: UInt64) { self.rawValue = value }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(UInt64.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// Parses a decimal amount of whole units with up to 9 decimals, e.g. `"1.5"` → 1 500 000 000 nano-units.
  /// - Throws: ``CocoonError`` with code `invalidArgument` for anything else.
  public init(units text: String) throws {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let accepted = "accepted: a non-negative decimal number with at most 9 decimals, e.g. 1.5"
    guard (1...2).contains(parts.count), let whole = UInt64(parts[0].isEmpty ? "0" : parts[0]),
      parts[0].allSatisfy(\.isASCII)
    else { throw CocoonError(.invalidArgument, "'\(text)' is not an amount; \(accepted)") }
    var fraction: UInt64 = 0
    if parts.count == 2 {
      let digits = parts[1]
      guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = UInt64(digits)
      else { throw CocoonError(.invalidArgument, "'\(text)' is not an amount; \(accepted)") }
      fraction = value * Self.pow10(9 - digits.count)
    }
    let (scaled, overflow) = whole.multipliedReportingOverflow(by: Self.perUnit)
    guard !overflow, scaled <= UInt64.max - fraction else {
      throw CocoonError(.invalidArgument, "'\(text)' is too large; the largest amount is \(NanoAmount(.max).units)")
    }
    rawValue = scaled + fraction
  }

  /// The amount in whole units with exactly 9 decimals, e.g. `1.500000000`.
  public var units: String {
    let fraction = String(rawValue % Self.perUnit)
    return "\(rawValue / Self.perUnit).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
  }

  public var description: String { units }

  public static func < (lhs: NanoAmount, rhs: NanoAmount) -> Bool { lhs.rawValue < rhs.rawValue }

  private static func pow10(_ exponent: Int) -> UInt64 {
    (0..<exponent).reduce(1) { result, _ in result * 10 }
  }
}
