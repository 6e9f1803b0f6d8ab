import CocoonInference
public import ArgumentParser
import CocoonCPUEngine
import Foundation

/// `generate`: runs the CPU engine on a GGUF file and prints only the generated text to stdout.
public struct GenerateCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "generate", abstract: "Generate text from a prompt with the CPU engine (GGUF models).")

  @Option(help: "Path of the GGUF model file.") var model: String
  @Option(help: "The prompt text.") var prompt: String
  @Option(help: "Most tokens to generate.") var maxTokens: Int = 64
  @Option(help: "Sampling temperature; 0 is greedy.") var temperature: Float = 0
  @Option(help: "Top-k cut (0: none).") var topK: Int = 0
  @Option(help: "Top-p (nucleus) cut (1: none).") var topP: Float = 1
  @Option(help: "Min-p cut (0: none).") var minP: Float = 0
  @Option(help: "Repetition penalty (1: none).") var repeatPenalty: Float = 1
  @Option(help: "Random seed; the same seed gives the same text.") var seed: UInt64 = 0
  @Option(parsing: .singleValue, help: "A stop sequence (repeatable).") var stop: [String] = []
  @Option(help: "Threads (0: one per core).") var threads: Int = 0
  @Flag(help: "Format the prompt as a user turn of the model's chat template.") var chat = false
  @Flag(help: "Print the generated token ids to stderr.") var printTokens = false
  @Flag(help: .hidden) var printFirstLogits = false

  public init() {}

  public func run() async throws {
    let engine = try LanguageModel(path: model, threads: threads)
    let text = chat ? ChatFormatter(model: engine).format([.init(role: "user", content: prompt)]) : prompt
    let ids = engine.tokenizer.encode(text, addSpecial: true, parseSpecial: chat)
    let settings = SamplerSettings(
      temperature: temperature, topK: topK, topP: topP, minP: minP, repetitionPenalty: repeatPenalty, seed: seed)
    let state = engine.makeState(positions: ids.count + maxTokens)
    if printFirstLogits {
      let probe = engine.makeState(positions: ids.count)
      let logits = try engine.evaluate(ids, state: probe)
      let top = logits.indices.sorted { logits[$0] > logits[$1] }.prefix(3)
      FileHandle.standardError.write(Data((top.map { "\($0):\(logits[$0])" }.joined(separator: " ") + "\n").utf8))
    }
    let outcome = try TextGenerator(model: engine).generate(
      prompt: ids, state: state, maxTokens: maxTokens, sampler: Sampler(settings), stop: stop,
      emit: { delta in
        FileHandle.standardOutput.write(Data(delta.utf8))
      })
    print("")
    if printTokens {
      FileHandle.standardError.write(Data((outcome.tokens.map(String.init).joined(separator: " ") + "\n").utf8))
    }
  }
}
