import Foundation

/// GPT-2 byte-level BPE: a regex pre-tokenizer (per `tokenizer.ggml.pre`), bytes mapped to printable
/// characters, then merges applied lowest rank first (leftmost on ties).
struct BPEMerges: @unchecked Sendable {
  private let ranks: [TokenBytes: Int]
  private let pattern: NSRegularExpression
  /// UTF-8 of the printable character standing for each byte.
  private let byteChars: [[UInt8]]
  /// The byte each printable stand-in character means.
  private let charBytes: [UInt32: UInt8]

  init(merges: [String], pre: String) {
    var ranks: [TokenBytes: Int] = [:]
    ranks.reserveCapacity(merges.count)
    for (rank, merge) in merges.enumerated() { ranks[TokenBytes(merge)] = rank }
    self.ranks = ranks
    let source: String
    switch pre {
    case "llama3", "llama-bpe", "llama-v3", "smaug-bpe":
      source =
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    case "qwen2", "deepseek-r1-qwen":
      source =
        #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"#
    default:
      source = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#
    }
    pattern = try! NSRegularExpression(pattern: source)  // constant patterns
    var chars: [[UInt8]] = []
    var reverse: [UInt32: UInt8] = [:]
    var extra = 0
    for b in 0..<256 {
      let printable = (33...126).contains(b) || (161...172).contains(b) || (174...255).contains(b)
      let scalar = printable ? b : 256 + extra
      if !printable { extra += 1 }
      reverse[UInt32(scalar)] = UInt8(b)
      chars.append(Array(String(Character(Unicode.Scalar(UInt32(scalar))!)).utf8))
    }
    byteChars = chars
    charBytes = reverse
  }

  func tokenize(_ bytes: ArraySlice<UInt8>, tokenizer: Tokenizer, into out: inout [Int32]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let ns = text as NSString
    for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      let word = Array(ns.substring(with: match.range).utf8)
      merge(word, tokenizer: tokenizer, into: &out)
    }
  }

  private func merge(_ word: [UInt8], tokenizer: Tokenizer, into out: inout [Int32]) {
    var symbols = word.map { byteChars[Int($0)] }
    while symbols.count > 1 {
      var best = -1
      var bestRank = Int.max
      for i in 0..<symbols.count - 1 {
        if let r = ranks[TokenBytes(symbols[i] + [0x20] + symbols[i + 1])], r < bestRank {
          bestRank = r
          best = i
        }
      }
      if best < 0 { break }
      symbols[best] += symbols[best + 1]
      symbols.remove(at: best + 1)
    }
    for s in symbols {
      if let id = tokenizer.ids[TokenBytes(s)] {
        out.append(id)
      } else {
        for b in s { if let id = tokenizer.ids[TokenBytes([b])] { out.append(id) } }
      }
    }
  }

  /// The raw bytes a byte-level piece stands for.
  func decode(_ piece: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for scalar in String(decoding: piece, as: UTF8.self).unicodeScalars {
      if let b = charBytes[scalar.value] { out.append(b) } else { out += Array(String(scalar).utf8) }
    }
    return out
  }
}
