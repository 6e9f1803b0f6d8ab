import CocoonInference
import Foundation

/// A deterministic forward pass for the generation loop's tests: the vocabulary, configuration and file come from
/// the random-weights llama fixture; the logits always favour token `(last + 1) % vocabulary`, never an
/// end-of-generation token.
final class ScriptedForwardPass: ForwardPass {
  final class State: SequenceState, @unchecked Sendable {
    var tokens: [Int32] = []
    var capacity: Int
    var logits: [Float]
    init(capacity: Int, vocabulary: Int) {
      self.capacity = capacity
      logits = [Float](repeating: 0, count: vocabulary)
    }
    func truncate(to count: Int) { if count < tokens.count { tokens.removeLast(tokens.count - count) } }
  }

  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/cpu/llama-random.gguf").path
  static var available: Bool { FileManager.default.fileExists(atPath: path) }

  let file: GGUFFile
  let config: ModelConfig
  let tokenizer: Tokenizer

  init() throws {
    file = try GGUFFile(path: Self.path)
    config = try ModelConfig(file)
    tokenizer = try Tokenizer(file)
  }

  func makeState(positions: Int) -> State { State(capacity: positions, vocabulary: config.vocabularySize) }

  func forward(_ batch: [ForwardBatchEntry<State>]) throws -> [UnsafeBufferPointer<Float>] {
    batch.map { entry in
      let s = entry.state
      s.tokens += entry.tokens
      var next = (Int(s.tokens.last ?? 0) + 1) % config.vocabularySize
      while tokenizer.endOfGeneration.contains(Int32(next)) { next = (next + 1) % config.vocabularySize }
      for i in s.logits.indices { s.logits[i] = i == next ? 10 : 0 }
      return s.logits.withUnsafeBufferPointer { $0 }
    }
  }
}
