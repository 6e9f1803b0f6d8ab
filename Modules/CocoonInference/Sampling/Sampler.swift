import Foundation

/// Sampling settings; `temperature` 0 means greedy (arg-max).
public struct SamplerSettings: Sendable, Hashable {
  public var temperature: Float = 0
  /// 0 = no top-k cut.
  public var topK: Int = 0
  /// 1 = no nucleus cut.
  public var topP: Float = 1
  /// 0 = no min-p cut.
  public var minP: Float = 0
  /// 1 = no penalty; applied llama.cpp-style to the last `penaltyWindow` tokens.
  public var repetitionPenalty: Float = 1
  public var penaltyWindow: Int = 64
  /// The same seed, input and settings give the same tokens.
  public var seed: UInt64 = 0

  public init(
    temperature: Float = 0, topK: Int = 0, topP: Float = 1, minP: Float = 0, repetitionPenalty: Float = 1,
    seed: UInt64 = 0
  ) {
    self.temperature = temperature
    self.topK = topK
    self.topP = topP
    self.minP = minP
    self.repetitionPenalty = repetitionPenalty
    self.seed = seed
  }
}

/// Picks the next token from logits: repetition penalty, then greedy, or top-k → temperature → top-p → min-p
/// and a draw from a seeded generator.
public struct Sampler: Sendable {
  public let settings: SamplerSettings
  private var rng: SplitMix64

  public init(_ settings: SamplerSettings) {
    self.settings = settings
    rng = SplitMix64(seed: settings.seed)
  }

  public mutating func next(_ logits: UnsafeBufferPointer<Float>, history: [Int32]) -> Int32 {
    var penalised: [Int32: Float] = [:]
    if settings.repetitionPenalty != 1 {
      for t in history.suffix(settings.penaltyWindow) where penalised[t] == nil {
        let l = logits[Int(t)]
        penalised[t] = l > 0 ? l / settings.repetitionPenalty : l * settings.repetitionPenalty
      }
    }
    func logit(_ i: Int) -> Float { penalised[Int32(i)] ?? logits[i] }
    if settings.temperature <= 0 {
      var best = 0
      var bestValue = -Float.infinity
      for i in 0..<logits.count where logit(i) > bestValue {
        best = i
        bestValue = logit(i)
      }
      return Int32(best)
    }
    // Candidates: tokens within e^-30 of the best after temperature (the rest cannot be drawn in practice).
    var top = -Float.infinity
    for i in 0..<logits.count { top = max(top, logit(i)) }
    let floor = top - 30 * settings.temperature
    var candidates: [(id: Int32, logit: Float)] = []
    for i in 0..<logits.count where logit(i) >= floor { candidates.append((Int32(i), logit(i))) }
    candidates.sort { $0.logit > $1.logit || ($0.logit == $1.logit && $0.id < $1.id) }
    if settings.topK > 0 && candidates.count > settings.topK { candidates.removeLast(candidates.count - settings.topK) }
    var probabilities = candidates.map { expf(($0.logit - top) / settings.temperature) }
    let total = probabilities.reduce(0, +)
    for i in probabilities.indices { probabilities[i] /= total }
    var keep = probabilities.count
    if settings.topP < 1 {
      var cumulative: Float = 0
      for (i, p) in probabilities.enumerated() {
        cumulative += p
        if cumulative >= settings.topP {
          keep = i + 1
          break
        }
      }
    }
    if settings.minP > 0, let best = probabilities.first {
      keep = min(keep, max(1, probabilities.prefix(keep).filter { $0 >= settings.minP * best }.count))
    }
    let kept = probabilities.prefix(keep)
    var draw = Float(Double(rng.next() >> 11) / Double(1 << 53)) * kept.reduce(0, +)
    for (i, p) in kept.enumerated() {
      draw -= p
      if draw <= 0 { return candidates[i].id }
    }
    return candidates[keep - 1].id
  }
}

/// A small, fast, seedable generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
