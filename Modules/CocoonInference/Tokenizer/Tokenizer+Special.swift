extension Tokenizer {
  enum Fragment {
    case text(ArraySlice<UInt8>)
    case token(Int32)
  }

  /// Splits text around special tokens, longest first (llama.cpp's `tokenizer_st_partition`).
  func partition(_ text: [UInt8], parseSpecial: Bool) -> [Fragment] {
    var fragments: [Fragment] = text.isEmpty ? [] : [.text(text[...])]
    for id in specials {
      let kind = kinds[Int(id)]
      if !parseSpecial && (kind == .control || kind == .unknown) { continue }
      let needle = pieces[Int(id)]
      guard !needle.isEmpty else { continue }
      var next: [Fragment] = []
      next.reserveCapacity(fragments.count)
      for fragment in fragments {
        guard case .text(let slice) = fragment else {
          next.append(fragment)
          continue
        }
        var rest = slice
        while let at = Self.find(needle, in: rest) {
          if at > rest.startIndex { next.append(.text(rest[rest.startIndex..<at])) }
          next.append(.token(id))
          rest = rest[(at + needle.count)...]
        }
        if !rest.isEmpty { next.append(.text(rest)) }
      }
      fragments = next
    }
    return fragments
  }

  private static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
    guard hay.count >= needle.count, let first = needle.first else { return nil }
    var i = hay.startIndex
    let last = hay.endIndex - needle.count
    while i <= last {
      if hay[i] == first {
        var j = 1
        while j < needle.count && hay[i + j] == needle[j] { j += 1 }
        if j == needle.count { return i }
      }
      i += 1
    }
    return nil
  }
}
