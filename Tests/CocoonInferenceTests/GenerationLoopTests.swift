import CocoonCore
import CocoonInference
import Testing

@Suite(
  "Generation loop over a scripted forward pass",
  .enabled(if: ScriptedForwardPass.available, "Tests/Fixtures/cpu/llama-random.gguf missing: run Tools/fetch-test-fixtures"))
struct GenerationLoopTests {
  @Test func stopsAtMaxTokensAndReusesTheCachedPrefix() throws {
    let model = try ScriptedForwardPass()
    let state = model.makeState(positions: 64)
    let prompt: [Int32] = [1, 100, 200, 300]
    let first = try TextGenerator(model: model).generate(
      prompt: prompt, state: state, maxTokens: 5, sampler: Sampler(SamplerSettings()))
    #expect(first.end == .length && first.completionTokens == 5 && first.cachedTokens == 0)
    #expect(first.tokens == [301, 302, 303, 304, 305])
    let second = try TextGenerator(model: model).generate(
      prompt: prompt, state: state, maxTokens: 2, sampler: Sampler(SamplerSettings()))
    #expect(second.cachedTokens == prompt.count - 1 && second.tokens == [301, 302])
  }

  @Test func cancellationEndsBeforeTheNextToken() throws {
    let model = try ScriptedForwardPass()
    var calls = 0
    let outcome = try TextGenerator(model: model).generate(
      prompt: [1, 2], state: model.makeState(positions: 64), maxTokens: 50, sampler: Sampler(SamplerSettings()),
      isCancelled: {
        calls += 1
        return calls > 3
      })
    #expect(outcome.end == .cancelled && outcome.completionTokens == 2)
  }

  @Test func servedModelRefusesAPromptLongerThanTheContext() async throws {
    let model = InferenceLoadedModel(id: "scripted", model: try ScriptedForwardPass(), cachedSessions: 2)
    let long = String(repeating: "the ", count: model.contextLength + 10)
    await #expect(throws: CocoonError(.invalidArgument, "")) {
      for try await _ in model.generate(GenerationRequest(model: "scripted", input: .prompt(long), maxTokens: 1)) {}
    }
  }

  @Test func servedModelCountsTheReusedPrefixAsCachedTokens() async throws {
    let model = InferenceLoadedModel(id: "scripted", model: try ScriptedForwardPass(), cachedSessions: 2)
    let request = GenerationRequest(model: "scripted", input: .prompt("the and of to"), maxTokens: 3)
    var usages: [TokenUsage] = []
    for _ in 0..<2 {
      for try await case .finished(let reason, let usage) in model.generate(request) {
        #expect(reason == .length)
        usages.append(usage)
      }
    }
    #expect(usages.count == 2 && usages[0].cachedTokens == 0 && usages[0].completionTokens == 3)
    #expect(usages[1].cachedTokens == usages[1].promptTokens - 1)
  }
}
