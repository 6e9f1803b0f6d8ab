import CocoonInference
import CocoonCPUEngine
import Testing

/// Golden outputs of llama.cpp (Tools/cpu/make-golden) for the reference model.
struct GemmaGolden: Decodable {
  struct Generation: Decodable {
    var prompt: String
    var promptTokens: [Int32]
    var tokens: [Int32]
    var text: String
  }
  struct Tokenization: Decodable {
    var text: String
    var tokens: [Int32]
    var tokensSpecial: [Int32]
  }
  var tool: String
  var generations: [Generation]
  var tokenizations: [Tokenization]
}

@Suite(
  "Cross-check with llama.cpp: Gemma 3 270M",
  .enabled(if: Fixtures.hasGemma, "reference model missing: run Tools/fetch-model (places models/gemma-3-270m-q4_k_m.gguf)"))
struct GemmaCrossCheckTests {
  static let model = Result { try LanguageModel(path: Fixtures.gemmaPath, threads: 0) }

  @Test("cross-check llama.cpp: tokenization of a multilingual text set")
  func tokenizationEqualsLlamaCpp() throws {
    let model = try Self.model.get()
    let golden = try Fixtures.json("gemma3-270m-golden.json", as: GemmaGolden.self)
    for t in golden.tokenizations {
      #expect(model.tokenizer.encode(t.text, addSpecial: false) == t.tokens, "\(t.text)")
      #expect(model.tokenizer.encode(t.text, addSpecial: true, parseSpecial: true) == t.tokensSpecial, "\(t.text)")
      #expect(model.tokenizer.decode(t.tokens) == t.text, "round trip of \(t.text)")
    }
  }

  /// Exact equality for every prompt: the engine reproduces llama.cpp's float operations bit for bit (see the
  /// plugin's README). The model is chaotic enough that anything less diverges: llama.cpp's own token-by-token
  /// prefill differs from its batched one by up to 1.2 in the logits and changes 3 of these 6 generations.
  @Test("cross-check llama.cpp: greedy generation, 32 tokens per prompt")
  func greedyGenerationEqualsLlamaCpp() throws {
    let model = try Self.model.get()
    let golden = try Fixtures.json("gemma3-270m-golden.json", as: GemmaGolden.self)
    #expect(golden.generations.count >= 5)
    for g in golden.generations {
      let prompt = model.tokenizer.encode(g.prompt)
      #expect(prompt == g.promptTokens, "prompt tokens of \(g.prompt)")
      let state = model.makeState(positions: prompt.count + 32)
      var text = ""
      let outcome = try TextGenerator(model: model).generate(
        prompt: prompt, state: state, maxTokens: 32, sampler: Sampler(SamplerSettings()), emit: { text += $0 })
      let agree = zip(outcome.tokens, g.tokens).prefix { $0 == $1 }.count
      #expect(outcome.tokens == g.tokens, "generation from \(g.prompt): agrees for \(agree) of \(g.tokens.count)")
      #expect(text == g.text, "text from \(g.prompt)")
    }
  }
}
