public import BigInt

/// Converts between TON amounts written in decimal ("1.5") and nanoTON (1,500,000,000).
public enum Coins {
  /// nanoTON per TON.
  public static let nanoPerTON = BigUInt(1_000_000_000)

  /// Parses a decimal TON amount with at most nine fractional digits.
  /// - Throws: ``TONError`` `.invalidValue` for anything else.
  public static func nanotons(fromTON text: String) throws -> BigUInt {
    let parts = text.trimmingWhitespace().split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let whole = parts[0].isEmpty ? BigUInt(0) : BigUInt(String(parts[0]))
    else {
      throw TONError(.invalidValue, "a TON amount is a decimal number such as 1.5, not '\(text)'")
    }
    var fraction = BigUInt(0)
    if parts.count == 2 {
      guard parts[1].count <= 9 else { throw TONError(.invalidValue, "a TON amount has at most 9 decimals (nanoTON)") }
      fraction = BigUInt(String(parts[1]) + String(repeating: "0", count: 9 - parts[1].count)) ?? 0
    }
    return whole * nanoPerTON + fraction
  }

  /// Formats nanoTON as a decimal TON amount without trailing zeros ("1.5").
  public static func tonString(nanotons: BigUInt) -> String {
    let (whole, fraction) = nanotons.quotientAndRemainder(dividingBy: nanoPerTON)
    guard fraction > 0 else { return String(whole) }
    var digits = String(fraction)
    digits = String(repeating: "0", count: 9 - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(whole).\(digits)"
  }
}
