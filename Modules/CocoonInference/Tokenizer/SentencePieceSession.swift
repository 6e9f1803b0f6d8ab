/// SentencePiece-style tokenization of one text fragment (spaces already escaped to U+2581): start from UTF-8
/// characters, repeatedly merge the adjacent pair whose concatenation is the highest-scoring vocabulary entry
/// (leftmost on ties), then emit each piece, or its merge history, or its bytes (byte fallback).
struct SentencePieceSession {
  private struct Symbol {
    var start: Int
    var length: Int
    var previous: Int
    var next: Int
  }

  private struct Bigram {
    var left: Int
    var right: Int
    var score: Float
    var size: Int

    /// Heap order: higher score first, then the leftmost.
    func precedes(_ o: Bigram) -> Bool { score > o.score || (score == o.score && left < o.left) }
  }

  let tokenizer: Tokenizer
  let text: [UInt8]
  private var symbols: [Symbol] = []
  private var heap: [Bigram] = []
  private var history: [TokenBytes: (Int, Int)] = [:]

  init(tokenizer: Tokenizer, text: [UInt8]) {
    self.tokenizer = tokenizer
    self.text = text
  }

  mutating func tokenize(into out: inout [Int32]) {
    var offset = 0
    while offset < text.count {
      let length = min(Self.utf8Length(text[offset]), text.count - offset)
      let index = symbols.count
      offset += length
      symbols.append(Symbol(start: offset - length, length: length, previous: index - 1,
                            next: offset == text.count ? -1 : index + 1))
    }
    for i in symbols.indices.dropFirst() { addBigram(i - 1, i) }
    while let bigram = pop() {
      let left = symbols[bigram.left]
      let right = symbols[bigram.right]
      if left.length == 0 || right.length == 0 || left.length + right.length != bigram.size { continue }
      symbols[bigram.left].length += right.length
      symbols[bigram.right].length = 0
      symbols[bigram.left].next = right.next
      if right.next >= 0 { symbols[right.next].previous = bigram.left }
      addBigram(symbols[bigram.left].previous, bigram.left)
      addBigram(bigram.left, symbols[bigram.left].next)
    }
    var i = symbols.isEmpty ? -1 : 0
    while i != -1 {
      resegment(i, into: &out)
      i = symbols[i].next
    }
  }

  private func resegment(_ index: Int, into out: inout [Int32]) {
    let s = symbols[index]
    let piece = TokenBytes(text[s.start..<s.start + s.length])
    if let id = tokenizer.ids[piece] {
      out.append(id)
      return
    }
    if let (l, r) = history[piece] {
      resegment(l, into: &out)
      resegment(r, into: &out)
      return
    }
    for b in piece.bytes { out.append(tokenizer.byteTokens[Int(b)]) }
  }

  private mutating func addBigram(_ left: Int, _ right: Int) {
    guard left >= 0, right >= 0 else { return }
    let start = symbols[left].start
    let size = symbols[left].length + symbols[right].length
    let piece = TokenBytes(text[start..<start + size])
    guard let id = tokenizer.ids[piece] else { return }
    push(Bigram(left: left, right: right, score: tokenizer.scores[Int(id)], size: size))
    history[piece] = (left, right)
  }

  private static func utf8Length(_ lead: UInt8) -> Int {
    let lookup = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4]
    return lookup[Int(lead >> 4)]
  }

  private mutating func push(_ b: Bigram) {
    heap.append(b)
    var i = heap.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard heap[i].precedes(heap[parent]) else { break }
      heap.swapAt(i, parent)
      i = parent
    }
  }

  private mutating func pop() -> Bigram? {
    guard let top = heap.first else { return nil }
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var best = i
        if l < heap.count && heap[l].precedes(heap[best]) { best = l }
        if r < heap.count && heap[r].precedes(heap[best]) { best = r }
        if best == i { break }
        heap.swapAt(i, best)
        i = best
      }
    }
    return top
  }
}
