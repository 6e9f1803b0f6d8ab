import CocoonCore

/// The fields `/v1/chat/completions` and `/v1/completions` share: length, sampling, stop strings and streaming.
///
/// Extensions beyond OpenAI's API: `top_k`, `min_p` and `repetition_penalty`. `frequency_penalty` and
/// `presence_penalty` are accepted only as 0, since the backends implement a multiplicative repetition penalty.
struct SamplingFields: Decodable, Sendable {
  var maxTokens: Int?
  var temperature: Double?
  var topP: Double?
  var topK: Int?
  var minP: Double?
  var repetitionPenalty: Double?
  var seed: Int64?
  var stop: [String]
  var stream: Bool
  var includeUsage: Bool

  private enum CodingKeys: String, CodingKey {
    case maxTokens = "max_tokens"
    case maxCompletionTokens = "max_completion_tokens"
    case temperature, seed, stop, stream, n
    case topP = "top_p"
    case topK = "top_k"
    case minP = "min_p"
    case repetitionPenalty = "repetition_penalty"
    case frequencyPenalty = "frequency_penalty"
    case presencePenalty = "presence_penalty"
    case streamOptions = "stream_options"
  }

  private struct StreamOptions: Decodable {
    var includeUsage: Bool?
    private enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    maxTokens =
      try container.decodeIfPresent(Int.self, forKey: .maxCompletionTokens)
      ?? container.decodeIfPresent(Int.self, forKey: .maxTokens)
    temperature = try container.decodeIfPresent(Double.self, forKey: .temperature)
    topP = try container.decodeIfPresent(Double.self, forKey: .topP)
    topK = try container.decodeIfPresent(Int.self, forKey: .topK)
    minP = try container.decodeIfPresent(Double.self, forKey: .minP)
    repetitionPenalty = try container.decodeIfPresent(Double.self, forKey: .repetitionPenalty)
    seed = try container.decodeIfPresent(Int64.self, forKey: .seed)
    stop = try container.decodeIfPresent(OneOrMany.self, forKey: .stop)?.values ?? []
    stream = try container.decodeIfPresent(Bool.self, forKey: .stream) ?? false
    includeUsage = try container.decodeIfPresent(StreamOptions.self, forKey: .streamOptions)?.includeUsage ?? false

    if let n = try container.decodeIfPresent(Int.self, forKey: .n), n != 1 {
      throw OpenAIError.invalidRequest("'n' must be 1 (one choice per request), got \(n)", param: "n")
    }
    for key in [CodingKeys.frequencyPenalty, .presencePenalty] {
      if let value = try container.decodeIfPresent(Double.self, forKey: key), value != 0 {
        throw OpenAIError.invalidRequest(
          "'\(key.rawValue)' is not supported (only 0 is accepted); use 'repetition_penalty' (e.g. 1.1) instead",
          param: key.rawValue)
      }
    }
  }

  /// The generation request these fields describe, after checking every value with
  /// ``GenerationRequest/problem`` (the rule every hop applies).
  /// - Throws: ``OpenAIError`` (400) naming the out-of-range field and its accepted range.
  func generationRequest(model: ModelID, input: GenerationInput, defaultMaxTokens: Int) throws(OpenAIError)
    -> GenerationRequest
  {
    var sampling = SamplingParameters()
    if let temperature { sampling.temperature = temperature }
    if let topP { sampling.topP = topP }
    if let topK { sampling.topK = topK }
    if let minP { sampling.minP = minP }
    if let repetitionPenalty { sampling.repetitionPenalty = repetitionPenalty }
    sampling.seed = seed.map { UInt64(bitPattern: $0) }
    let request = GenerationRequest(
      model: model, input: input, maxTokens: maxTokens ?? defaultMaxTokens, sampling: sampling, stop: stop)
    if let problem = request.problem { throw .invalidRequest(problem.message, param: problem.field) }
    return request
  }
}

/// A string or an array of strings (`stop`, `prompt`).
struct OneOrMany: Decodable, Sendable {
  var values: [String]

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let single = try? container.decode(String.self) {
      values = [single]
    } else if let many = try? container.decode([String].self) {
      values = many
    } else {
      throw DecodingError.typeMismatch(
        [String].self,
        .init(codingPath: decoder.codingPath, debugDescription: "expected a string or an array of strings"))
    }
  }
}
