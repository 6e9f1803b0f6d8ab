/// `network:` — settings every role shares.
public struct NetworkSection: Decodable, Sendable, Hashable {
  /// A name for this deployment, shown in logs.
  public var name: String
  /// Allows development-only plugins (`insecure` attestation, `tcp` transport). Never set this in production.
  public var insecure: Bool

  private enum CodingKeys: String, CodingKey {
    case name
    case insecure
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    insecure = try container.decodeIfPresent(Bool.self, forKey: .insecure) ?? false
  }
}
