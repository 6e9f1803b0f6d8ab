/// A kind of trusted execution environment (or `insecure`, for development without one).
public struct TEEKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// Intel Trust Domain Extensions.
  public static let tdx = TEEKind("tdx")
  /// AMD Secure Encrypted Virtualization with Secure Nested Paging.
  public static let sevSNP = TEEKind("sev-snp")
  /// No TEE at all: evidence is the report data itself. Development only.
  public static let insecure = TEEKind("insecure")

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }
}
