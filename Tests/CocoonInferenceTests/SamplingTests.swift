@testable import CocoonInference
import Testing

@Suite("Sampling and stop sequences")
struct SamplingTests {
  func sample(_ settings: SamplerSettings, _ logits: [Float], draws: Int = 20, history: [Int32] = []) -> [Int32] {
    var sampler = Sampler(settings)
    return logits.withUnsafeBufferPointer { l in (0..<draws).map { _ in sampler.next(l, history: history) } }
  }

  @Test func greedyPicksTheFirstLargest() {
    #expect(sample(SamplerSettings(), [0, 3, 1, 3], draws: 1) == [1])
  }

  @Test func sameSeedSameDraws() {
    let logits: [Float] = (0..<100).map { Float($0 % 7) }
    let a = sample(SamplerSettings(temperature: 1, seed: 9), logits)
    #expect(a == sample(SamplerSettings(temperature: 1, seed: 9), logits))
    #expect(a != sample(SamplerSettings(temperature: 1, seed: 10), logits))
  }

  @Test func topKAndMinPCutTheTail() {
    let logits: [Float] = [5, 4.9, 0, 0, 0, 0]
    #expect(Set(sample(SamplerSettings(temperature: 5, topK: 2), logits, draws: 200)).isSubset(of: [0, 1]))
    #expect(Set(sample(SamplerSettings(temperature: 5, minP: 0.9), logits, draws: 200)).isSubset(of: [0, 1]))
    #expect(Set(sample(SamplerSettings(temperature: 1, topP: 0.5), logits, draws: 200)) == [0])
  }

  @Test func repetitionPenaltyDemotesSeenTokens() {
    #expect(sample(SamplerSettings(repetitionPenalty: 2), [2, 1.5], draws: 1, history: [0]) == [1])
  }

  @Test func stopSequencesAreCutAndHeldBack() {
    var s = StopScanner(stops: ["END"])
    #expect(s.append(Array("hello E".utf8)) == "hello ")
    #expect(s.append(Array("N".utf8)) == nil)
    #expect(s.append(Array("D and more".utf8)) == "")
    #expect(s.stopped)
  }

  @Test func incompleteUTF8IsHeldBack() {
    var s = StopScanner(stops: [])
    let euro = Array("€".utf8)
    #expect(s.append(Array(euro.prefix(2))) == nil)
    #expect(s.append(Array(euro.suffix(1))) == "€")
  }
}
