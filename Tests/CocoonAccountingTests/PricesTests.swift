import CocoonCore
import Testing

@Suite("Prices: exact integer pricing, rounded down")
struct PricesTests {
  let prices = Prices(
    pricePerToken: 1000, nodeFeePerToken: 800, promptMultiplier: 10_000, cachedMultiplier: 1000,
    completionMultiplier: 20_000, reasoningMultiplier: 30_000)

  @Test("each category is priced with its multiplier")
  func categories() throws {
    let usage = TokenUsage(promptTokens: 100, cachedTokens: 40, completionTokens: 50, reasoningTokens: 10)
    // 60×1.0 + 40×0.1 + 40×2.0 + 10×3.0 = 174 weighted tokens × 1000 nano.
    #expect(try prices.cost(of: usage) == 174_000)
    #expect(try prices.nodeEarning(of: usage) == 139_200)
  }

  @Test("the coefficient scales the price, and fractions of a nano-unit are rounded down")
  func roundingDown() throws {
    let cheap = Prices(pricePerToken: 3, nodeFeePerToken: 2, cachedMultiplier: 3333)
    // 1 cached token: 3 × 0.3333 = 0.9999 → 0; at coefficient 1.5: 1.49985 → 1.
    #expect(try cheap.cost(of: TokenUsage(promptTokens: 1, cachedTokens: 1)) == 0)
    #expect(try cheap.cost(of: TokenUsage(promptTokens: 1, cachedTokens: 1), coefficient: 15_000) == 1)
    // Rounding happens once on the whole request, not per token: 7 × 0.9999 = 6.9993 → 6 (not 7 × 0 = 0).
    #expect(try cheap.cost(of: TokenUsage(promptTokens: 7, cachedTokens: 7)) == 6)
  }

  @Test("the node's earning never exceeds the client's cost when its fee is at most the price")
  func commissionNeverNegative() throws {
    for tokens in [0, 1, 7, 1000, 123_457] {
      let usage = TokenUsage(promptTokens: tokens, cachedTokens: tokens / 3, completionTokens: tokens / 2)
      for coefficient: UInt64 in [1, 9_999, 10_000, 17_321] {
        #expect(try prices.nodeEarning(of: usage, coefficient: coefficient) <= prices.cost(of: usage, coefficient: coefficient))
      }
    }
  }

  @Test("the maximum cost bounds every usage within the limits")
  func maxCostBounds() throws {
    let bound = try prices.maxCost(promptTokens: 100, maxCompletionTokens: 50, coefficient: 12_000)
    for cached in [0, 50, 100] {
      for reasoning in [0, 25, 50] {
        let usage = TokenUsage(promptTokens: 100, cachedTokens: cached, completionTokens: 50, reasoningTokens: reasoning)
        #expect(try prices.cost(of: usage, coefficient: 12_000) <= bound)
      }
    }
  }

  @Test("inconsistent usage and overflowing costs are refused")
  func refusals() {
    #expect(throws: CocoonError(.invalidArgument, "")) {
      try prices.cost(of: TokenUsage(promptTokens: 1, cachedTokens: 2))
    }
    #expect(throws: CocoonError(.invalidArgument, "")) {
      try Prices(pricePerToken: .max, nodeFeePerToken: 0).cost(of: TokenUsage(promptTokens: .max), coefficient: .max)
    }
  }

  @Test("a node dearer than the client's maximum coefficient is refused")
  func coefficientLimit() throws {
    try Prices.check(nodeCoefficient: 12_000, clientMaximum: 12_000)
    #expect(throws: CocoonError(.invalidArgument, "")) { try Prices.check(nodeCoefficient: 12_001, clientMaximum: 12_000) }
  }

  @Test("amounts parse and print with 9 decimals")
  func units() throws {
    #expect(try NanoAmount(units: "1.5") == 1_500_000_000)
    #expect(try NanoAmount(units: "0.000000001") == 1)
    #expect(NanoAmount(1_500_000_000).units == "1.500000000")
    #expect(throws: CocoonError(.invalidArgument, "")) { try NanoAmount(units: "1.0000000001") }
  }
}
