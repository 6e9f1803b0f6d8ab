extension GenerationRequest {
  /// A value outside what Cocoon accepts: the field (by its OpenAI API name) and what is wrong with it.
  public struct Problem: Hashable, Sendable {
    /// The field, as the OpenAI API names it (`max_tokens`, `temperature`, …).
    public var field: String
    /// What is wrong and what is accepted.
    public var message: String
  }

  /// The most tokens one request may ask for (it travels as a 32-bit count).
  public static let maxTokensLimit = Int(Int32.max)
  /// The most stop strings one request may carry.
  public static let stopLimit = 16

  /// The first value out of range, or nil when every value is accepted. The one rule for every hop: the HTTP API,
  /// the coordinator and the node apply it to the request they decode.
  public var problem: Problem? {
    func check(_ ok: Bool, _ field: String, _ accepted: String, _ value: any Sendable) -> Problem? {
      ok ? nil : Problem(field: field, message: "'\(field)' must be \(accepted), got \(value)")
    }
    let s = sampling
    return check((1...Self.maxTokensLimit).contains(maxTokens), "max_tokens", "an integer from 1 to \(Self.maxTokensLimit)", maxTokens)
      ?? check((0...2).contains(s.temperature), "temperature", "a number from 0 to 2", s.temperature)
      ?? check(s.topP > 0 && s.topP <= 1, "top_p", "a number greater than 0 and at most 1", s.topP)
      ?? check((0...Int(Int32.max)).contains(s.topK), "top_k", "an integer of at least 0 (0 disables it)", s.topK)
      ?? check((0...1).contains(s.minP), "min_p", "a number from 0 to 1 (0 disables it)", s.minP)
      ?? check(
        s.repetitionPenalty > 0 && s.repetitionPenalty <= 10, "repetition_penalty",
        "a number greater than 0 and at most 10 (1 disables it)", s.repetitionPenalty)
      ?? check(stop.count <= Self.stopLimit, "stop", "at most \(Self.stopLimit) strings", stop.count)
      ?? (stop.contains("") ? Problem(field: "stop", message: "'stop' strings must not be empty") : nil)
  }

  /// Checks every value against the one rule (see ``problem``).
  /// - Throws: ``CocoonError`` with code `invalidArgument` naming the field and its accepted range.
  public func validate() throws {
    if let problem { throw CocoonError(.invalidArgument, problem.message) }
  }
}
