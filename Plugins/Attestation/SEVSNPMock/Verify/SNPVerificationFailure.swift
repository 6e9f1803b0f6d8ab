import CocoonCore

/// Why a SEV-SNP report was refused: a stable check name and a human reason.
public struct SNPVerificationFailure: Error, Sendable, Equatable {
  /// The check that failed.
  public struct Check: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let parse = Check(rawValue: "parse")
    public static let chain = Check(rawValue: "chain")
    public static let signature = Check(rawValue: "signature")
    public static let tcb = Check(rawValue: "tcb")
    public static let debug = Check(rawValue: "debug")
    public static let reportData = Check(rawValue: "report-data")
  }

  public var check: Check
  public var reason: String

  init(_ check: Check, _ reason: String) {
    self.check = check
    self.reason = reason
  }

  var cocoonError: CocoonError { CocoonError(.attestationFailed, "SEV-SNP report refused (\(check)): \(reason)") }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.check == rhs.check }
}
