/// `registry:` — what the network allows and charges. The local ledger is seeded from it; on TON the root contract
/// holds the same values.
public struct RegistrySection: Decodable, Sendable, Hashable {
  /// A model the network serves.
  public struct Model: Decodable, Sendable, Hashable {
    public var name: String
    public var sha256: SHA256Hex
  }

  /// Prices in nano-units per token; multipliers in basis points (10000 = ×1.0).
  public struct PriceSection: Decodable, Sendable, Hashable {
    public var pricePerToken: UInt64
    public var nodeFeePerToken: UInt64
    public var promptMultiplier: UInt64
    public var cachedMultiplier: UInt64
    public var completionMultiplier: UInt64
    public var reasoningMultiplier: UInt64

    private enum CodingKeys: String, CodingKey {
      case pricePerToken, nodeFeePerToken, promptMultiplier, cachedMultiplier, completionMultiplier
      case reasoningMultiplier
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let multipliers: ClosedRange<UInt64> = 0...1_000_000
      pricePerToken = try container.decode(UInt64.self, forKey: .pricePerToken)
      nodeFeePerToken = try container.decode(UInt64.self, forKey: .nodeFeePerToken, in: 0...pricePerToken)
      promptMultiplier = try container.decodeIfPresent(UInt64.self, forKey: .promptMultiplier, in: multipliers) ?? 10_000
      cachedMultiplier = try container.decodeIfPresent(UInt64.self, forKey: .cachedMultiplier, in: multipliers) ?? 10_000
      completionMultiplier =
        try container.decodeIfPresent(UInt64.self, forKey: .completionMultiplier, in: multipliers) ?? 10_000
      reasoningMultiplier =
        try container.decodeIfPresent(UInt64.self, forKey: .reasoningMultiplier, in: multipliers) ?? 10_000
    }
  }

  /// Image hashes (SHA-256 hex) allowed per role.
  public struct AllowedImages: Decodable, Sendable, Hashable {
    public var node: [SHA256Hex]?
    public var coordinator: [SHA256Hex]?
  }

  public var models: [Model]
  public var prices: PriceSection
  public var minClientStakeNano: UInt64
  public var minNodeStakeNano: UInt64?
  public var clientCloseDelaySeconds: UInt64
  public var allowedImages: AllowedImages?
}
