/// Exact token counts of one request, as reported by the compute backend.
///
/// `promptTokens` includes `cachedTokens` (prompt tokens whose KV state was reused); `completionTokens` includes
/// `reasoningTokens`. Prices apply separately to the four categories, see ``Prices/cost(of:coefficient:)``.
public struct TokenUsage: Hashable, Sendable, Codable {
  public var promptTokens: Int
  public var cachedTokens: Int
  public var completionTokens: Int
  public var reasoningTokens: Int

  public init(promptTokens: Int = 0, cachedTokens: Int = 0, completionTokens: Int = 0, reasoningTokens: Int = 0) {
    self.promptTokens = promptTokens
    self.cachedTokens = cachedTokens
    self.completionTokens = completionTokens
    self.reasoningTokens = reasoningTokens
  }

  /// All tokens processed: prompt plus completion.
  public var totalTokens: Int { promptTokens + completionTokens }

  /// Checks the counts are consistent (non-negative, cached ≤ prompt, reasoning ≤ completion).
  /// - Throws: ``CocoonError`` with code `invalidArgument` naming the inconsistent field.
  public func validate() throws {
    for (name, value) in [
      ("prompt", promptTokens), ("cached", cachedTokens), ("completion", completionTokens),
      ("reasoning", reasoningTokens),
    ] where value < 0 {
      throw CocoonError(.invalidArgument, "token usage: \(name) tokens is \(value); counts must be 0 or more")
    }
    if cachedTokens > promptTokens {
      throw CocoonError(
        .invalidArgument, "token usage: cached tokens (\(cachedTokens)) exceed prompt tokens (\(promptTokens))")
    }
    if reasoningTokens > completionTokens {
      throw CocoonError(
        .invalidArgument,
        "token usage: reasoning tokens (\(reasoningTokens)) exceed completion tokens (\(completionTokens))")
    }
  }

  public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
    TokenUsage(
      promptTokens: lhs.promptTokens + rhs.promptTokens, cachedTokens: lhs.cachedTokens + rhs.cachedTokens,
      completionTokens: lhs.completionTokens + rhs.completionTokens,
      reasoningTokens: lhs.reasoningTokens + rhs.reasoningTokens)
  }
}
