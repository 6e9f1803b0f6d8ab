import CocoonCore

/// The body of `POST /v1/completions`: a raw prompt (a string, or an array holding one string).
///
/// `echo`, `suffix`, `logprobs` and `best_of` other than 1 are refused.
struct CompletionRequest: Decodable, Sendable {
  var model: ModelID
  var prompt: String
  var fields: SamplingFields

  private enum CodingKeys: String, CodingKey {
    case model, prompt, echo, suffix, logprobs
    case bestOf = "best_of"
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    model = try container.decode(ModelID.self, forKey: .model)
    let prompts = try container.decode(OneOrMany.self, forKey: .prompt).values
    guard prompts.count == 1 else {
      throw OpenAIError.invalidRequest(
        "'prompt' must be a string or an array of exactly one string, got \(prompts.count) strings", param: "prompt")
    }
    prompt = prompts[0]
    fields = try SamplingFields(from: decoder)
    if try container.decodeIfPresent(Bool.self, forKey: .echo) == true {
      throw OpenAIError.invalidRequest("'echo' is not supported; omit it or send false", param: "echo")
    }
    if try container.decodeIfPresent(String.self, forKey: .suffix) != nil {
      throw OpenAIError.invalidRequest("'suffix' is not supported; omit it", param: "suffix")
    }
    if try container.decodeIfPresent(Int.self, forKey: .logprobs) != nil {
      throw OpenAIError.invalidRequest("'logprobs' is not supported; omit it", param: "logprobs")
    }
    if let bestOf = try container.decodeIfPresent(Int.self, forKey: .bestOf), bestOf != 1 {
      throw OpenAIError.invalidRequest("'best_of' must be 1, got \(bestOf)", param: "best_of")
    }
  }

  /// The generation request, after validation.
  /// - Throws: ``OpenAIError`` (400) when a value is out of range.
  func generationRequest(defaultMaxTokens: Int) throws(OpenAIError) -> GenerationRequest {
    guard !model.rawValue.isEmpty else {
      throw .invalidRequest("'model' must name a model; GET /v1/models lists them", param: "model")
    }
    return try fields.generationRequest(model: model, input: .prompt(prompt), defaultMaxTokens: defaultMaxTokens)
  }
}
