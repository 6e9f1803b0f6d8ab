/// The trusted computing base status a verifier concludes, ordered from best to worst.
public enum TCBStatus: String, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
  case upToDate = "UpToDate"
  case swHardeningNeeded = "SWHardeningNeeded"
  case configurationNeeded = "ConfigurationNeeded"
  case configurationAndSWHardeningNeeded = "ConfigurationAndSWHardeningNeeded"
  case outOfDate = "OutOfDate"
  case outOfDateConfigurationNeeded = "OutOfDateConfigurationNeeded"
  case revoked = "Revoked"
  /// No hardware TCB at all (the insecure development plugin).
  case none = "None"

  private var rank: Int { Self.allCases.firstIndex(of: self)! }

  /// Whether `self` is worse than `other`.
  public static func < (lhs: TCBStatus, rhs: TCBStatus) -> Bool { lhs.rank > rhs.rank }

  public var description: String { rawValue }
}
