/// Prices from the registry: a price per token, the node's share of it, and per-category multipliers.
///
/// Multipliers and coefficients are in basis points: 10 000 means ×1.0. The cost of a request is computed once,
/// exactly, in 128-bit integers, and rounded **down** to a whole nano-unit (never in the coordinator's favour):
///
///     cost = ⌊ price × coefficient × Σ(tokens_c × multiplier_c) / 10 000² ⌋
///
/// over the categories c = uncached prompt, cached prompt, non-reasoning completion, reasoning.
public struct Prices: Hashable, Sendable, Codable {
  /// Basis points in 1.0.
  public static let basisPointsPerUnit: UInt64 = 10_000

  /// What a client pays per token at multiplier 1.0, in nano-units.
  public var pricePerToken: UInt64
  /// What the node earns per token at multiplier 1.0, in nano-units; the rest is the coordinator's commission.
  public var nodeFeePerToken: UInt64
  public var promptMultiplier: UInt64
  public var cachedMultiplier: UInt64
  public var completionMultiplier: UInt64
  public var reasoningMultiplier: UInt64

  public init(
    pricePerToken: UInt64, nodeFeePerToken: UInt64, promptMultiplier: UInt64 = 10_000,
    cachedMultiplier: UInt64 = 10_000, completionMultiplier: UInt64 = 10_000, reasoningMultiplier: UInt64 = 10_000
  ) {
    self.pricePerToken = pricePerToken
    self.nodeFeePerToken = nodeFeePerToken
    self.promptMultiplier = promptMultiplier
    self.cachedMultiplier = cachedMultiplier
    self.completionMultiplier = completionMultiplier
    self.reasoningMultiplier = reasoningMultiplier
  }

  /// Checks a node's price coefficient against the most the client accepts for a request (both basis points).
  /// - Throws: ``CocoonError`` `invalidArgument` when the node is dearer than the client allows.
  public static func check(nodeCoefficient: UInt64, clientMaximum: UInt64) throws {
    guard nodeCoefficient <= clientMaximum else {
      throw CocoonError(
        .invalidArgument,
        "the node's price coefficient \(nodeCoefficient) is above the client's maximum \(clientMaximum) (basis points)")
    }
  }

  /// What the client is charged for `usage` at the given price coefficient (basis points).
  public func cost(of usage: TokenUsage, coefficient: UInt64 = 10_000) throws -> NanoAmount {
    try amount(perToken: pricePerToken, usage: usage, coefficient: coefficient)
  }

  /// What the node earns for `usage` at the given price coefficient (basis points).
  public func nodeEarning(of usage: TokenUsage, coefficient: UInt64 = 10_000) throws -> NanoAmount {
    try amount(perToken: nodeFeePerToken, usage: usage, coefficient: coefficient)
  }

  /// The most a request can cost, to reserve before it runs: every prompt token at the higher of the prompt and
  /// cached multipliers, every completion token (up to `maxCompletionTokens`) at the higher of the completion and
  /// reasoning multipliers. Rounded down like ``cost(of:coefficient:)``, so it is never below the real cost.
  public func maxCost(promptTokens: Int, maxCompletionTokens: Int, coefficient: UInt64 = 10_000) throws -> NanoAmount {
    try TokenUsage(promptTokens: promptTokens, completionTokens: maxCompletionTokens).validate()
    let weighted =
      UInt128(promptTokens) * UInt128(max(promptMultiplier, cachedMultiplier))
      + UInt128(maxCompletionTokens) * UInt128(max(completionMultiplier, reasoningMultiplier))
    return try scaled(weighted, perToken: pricePerToken, coefficient: coefficient, tokens: promptTokens + maxCompletionTokens)
  }

  private func amount(perToken: UInt64, usage: TokenUsage, coefficient: UInt64) throws -> NanoAmount {
    try usage.validate()
    let weighted =
      UInt128(usage.promptTokens - usage.cachedTokens) * UInt128(promptMultiplier)
      + UInt128(usage.cachedTokens) * UInt128(cachedMultiplier)
      + UInt128(usage.completionTokens - usage.reasoningTokens) * UInt128(completionMultiplier)
      + UInt128(usage.reasoningTokens) * UInt128(reasoningMultiplier)
    return try scaled(weighted, perToken: perToken, coefficient: coefficient, tokens: usage.totalTokens)
  }

  private func scaled(_ weighted: UInt128, perToken: UInt64, coefficient: UInt64, tokens: Int) throws -> NanoAmount {
    let scale = UInt128(Self.basisPointsPerUnit) * UInt128(Self.basisPointsPerUnit)
    let (byPrice, overflow1) = weighted.multipliedReportingOverflow(by: UInt128(perToken))
    let (product, overflow2) = byPrice.multipliedReportingOverflow(by: UInt128(coefficient))
    let total = product / scale
    guard !overflow1, !overflow2, total <= UInt128(UInt64.max) else {
      throw CocoonError(.invalidArgument, "cost of \(tokens) tokens overflows 64-bit nano-units")
    }
    return NanoAmount(UInt64(total))
  }
}
