import CocoonCore

/// Why a TDX quote was refused: a stable check name and a human reason.
public struct TDXVerificationFailure: Error, Sendable, Equatable {
  /// The check that failed.
  public struct Check: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let parse = Check("parse")
    public static let collateral = Check("collateral")
    public static let collateralExpired = Check("collateral-expired")
    public static let tcbInfo = Check("tcb-info")
    public static let qeIdentity = Check("qe-identity")
    public static let pckChain = Check("pck-chain")
    public static let qeReportSignature = Check("qe-report-signature")
    public static let qeReportBinding = Check("qe-report-binding")
    public static let quoteSignature = Check("quote-signature")
    public static let noMatchingTCBLevel = Check("no-matching-tcb-level")
    public static let tdxModule = Check("tdx-module")
    public static let tcbStatus = Check("tcb-status")
    public static let debug = Check("debug")
    public static let reportData = Check("report-data")
  }

  public var check: Check
  public var reason: String

  init(_ check: Check, _ reason: String) {
    self.check = check
    self.reason = reason
  }

  /// As a user-facing error.
  var cocoonError: CocoonError { CocoonError(.attestationFailed, "TDX quote refused (\(check)): \(reason)") }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.check == rhs.check }
}
