import CocoonInference
import CocoonCPUEngine
import CocoonCPUPlugin
import CocoonCore
import Foundation
import Synchronization
import Testing

@Suite("CPU compute plugin")
struct CPUPluginTests {
  let spec = ModelSpec(name: "llama-random", path: Fixtures.llamaRandomPath)

  func load(sha: String? = nil) async throws -> any LoadedModel {
    var s = spec
    s.sha256 = sha
    return try await CPUComputeBackend(options: .init(threads: 2)).load(s) { _ in }
  }

  func collect(_ model: any LoadedModel, _ request: GenerationRequest) async throws -> (String, FinishReason, TokenUsage) {
    var text = ""
    for try await event in model.generate(request) {
      switch event {
      case .delta(let d): text += d
      case .finished(let reason, let usage): return (text, reason, usage)
      }
    }
    Issue.record("stream ended without .finished")
    return (text, .cancelled, TokenUsage())
  }

  @Test(.enabled(if: Fixtures.hasLlamaRandom, Fixtures.missingLlamaRandom)) func checksTheWeightsHashAndReportsProgress() async throws {
    let sha = WeightsHash.sha256(of: try MappedFile(path: Fixtures.llamaRandomPath))
    let seen = Mutex<[LoadProgress]>([])
    var s = spec
    s.sha256 = sha
    _ = try await CPUComputeBackend(options: .init(threads: 1)).load(s) { p in seen.withLock { $0.append(p) } }
    let progress = seen.withLock { $0 }
    #expect(progress.contains { $0.phase == "hashing" && $0.percent == 100 })
    await #expect(throws: CocoonError(.modelHashMismatch, "")) {
      _ = try await self.load(sha: String(repeating: "a", count: 64))
    }
  }

  @Test(.enabled(if: Fixtures.hasLlamaRandom, Fixtures.missingLlamaRandom)) func streamsTextWithExactUsageAndReusesTheCachedPrefix() async throws {
    let model = try await load()
    let request = GenerationRequest(model: "llama-random", input: .prompt("the and of to"), maxTokens: 6)
    let (_, reason, first) = try await collect(model, request)
    #expect(first.promptTokens >= 5 && first.cachedTokens == 0)
    #expect(first.completionTokens <= 6 && (reason == .length) == (first.completionTokens == 6))
    let (_, _, second) = try await collect(model, request)
    #expect(second.promptTokens == first.promptTokens)
    #expect(second.cachedTokens == first.promptTokens - 1)
  }

  @Test(.enabled(if: Fixtures.hasLlamaRandom, Fixtures.missingLlamaRandom)) func sameSeedGivesTheSameText() async throws {
    let model = try await load()
    var request = GenerationRequest(model: "llama-random", input: .prompt("a b c"), maxTokens: 12)
    request.sampling.temperature = 1
    request.sampling.seed = 42
    let (a, _, _) = try await collect(model, request)
    let (b, _, _) = try await collect(model, request)
    #expect(a == b)
  }

  @Test(.enabled(if: Fixtures.hasLlamaRandom, Fixtures.missingLlamaRandom)) func abandoningTheStreamStopsGeneration() async throws {
    let model = try await load()
    let request = GenerationRequest(model: "llama-random", input: .prompt("x"), maxTokens: 400)
    for try await _ in model.generate(request) { break }
    // The model still serves the next request (the abandoned one released its state).
    let (_, _, usage) = try await collect(
      model, GenerationRequest(model: "llama-random", input: .prompt("x"), maxTokens: 2))
    #expect(usage.completionTokens <= 2)
  }

  @Test(.enabled(if: Fixtures.hasLlamaRandom, Fixtures.missingLlamaRandom)) func concurrentRequestsShareTheModel() async throws {
    let model = try await load()
    var request = GenerationRequest(model: "llama-random", input: .prompt("the"), maxTokens: 8)
    request.sampling.temperature = 0
    let (expected, _, _) = try await collect(model, request)
    let shared = request
    try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 0..<3 {
        group.addTask {
          var text = ""
          for try await case .delta(let d) in model.generate(shared) { text += d }
          return text
        }
      }
      for try await text in group { #expect(text == expected) }
    }
  }

  @Test func optionsRejectNegativeThreads() throws {
    #expect(throws: (any Error).self) {
      _ = try JSONDecoder().decode(CPUComputePlugin.Options.self, from: Data(#"{"threads": -1}"#.utf8))
    }
    let o = try JSONDecoder().decode(CPUComputePlugin.Options.self, from: Data("{}".utf8))
    #expect(o.threads == 0 && CPUComputePlugin.name == "cpu")
  }
}
