import CocoonInference
import CocoonCPUEngine
import Foundation

/// `cpu-bench MODEL THREADS PROMPT_TOKENS DECODE_TOKENS`: prefill and decode speed of the Swift engine, printed
/// as one JSON line. Prompt tokens are a fixed pseudo-random sequence (after BOS) so every engine sees the same.
@main
enum CPUBench {
  static func main() throws {
    let args = CommandLine.arguments
    guard args.count == 5, let threads = Int(args[2]), let promptCount = Int(args[3]), let decodeCount = Int(args[4])
    else {
      FileHandle.standardError.write(Data("usage: cpu-bench MODEL THREADS PROMPT_TOKENS DECODE_TOKENS\n".utf8))
      exit(2)
    }
    let model = try LanguageModel(path: args[1], threads: threads)
    let prompt = benchPrompt(count: promptCount, vocabulary: model.config.vocabularySize)
    let state = model.makeState(positions: promptCount + decodeCount + 1)
    let start = Date()
    var logits = try model.evaluate(prompt, state: state)
    let prefill = Date().timeIntervalSince(start)
    let decodeStart = Date()
    for _ in 0..<decodeCount {
      var best = 0
      for i in 1..<logits.count where logits[i] > logits[best] { best = i }
      logits = try model.evaluate([Int32(best)], state: state)
    }
    let decode = Date().timeIntervalSince(decodeStart)
    print(
      "{\"engine\":\"cocoon\",\"prefill_tok_s\":\(Double(promptCount) / prefill),"
        + "\"decode_tok_s\":\(Double(decodeCount) / decode)}")
  }

  /// BOS then a linear-congruential walk over the first 20,000 ids (the same formula as the Python side).
  static func benchPrompt(count: Int, vocabulary: Int) -> [Int32] {
    var x: UInt64 = 12345
    var out: [Int32] = [2]
    while out.count < count {
      x = (x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407) % (1 << 63)
      out.append(Int32(1000 + Int(x >> 33) % min(20000, vocabulary - 1000)))
    }
    return out
  }
}
