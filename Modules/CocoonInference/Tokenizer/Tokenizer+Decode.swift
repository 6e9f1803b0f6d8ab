extension Tokenizer {
  /// The bytes token `id` stands for in generated text; control tokens give nothing (unless `special`).
  public func piece(_ id: Int32, special: Bool = false) -> [UInt8] {
    guard id >= 0, Int(id) < pieces.count else { return [] }
    let p = pieces[Int(id)]
    switch kinds[Int(id)] {
    case .control, .unknown: return special ? p : []
    case .userDefined: return p
    case .byte:
      // "<0xAB>"
      guard p.count == 6, let v = UInt8(String(decoding: p[3..<5], as: UTF8.self), radix: 16) else { return p }
      return [v]
    case .normal, .unused:
      if let bpe { return bpe.decode(p) }
      var out: [UInt8] = []
      out.reserveCapacity(p.count)
      var i = 0
      while i < p.count {
        if i + 2 < p.count && p[i] == 0xE2 && p[i + 1] == 0x96 && p[i + 2] == 0x81 {
          out.append(0x20)
          i += 3
        } else {
          out.append(p[i])
          i += 1
        }
      }
      return out
    }
  }

  /// The text of a token sequence (invalid UTF-8 repaired).
  public func decode(_ ids: some Sequence<Int32>, special: Bool = false) -> String {
    var bytes: [UInt8] = []
    for id in ids { bytes += piece(id, special: special) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
