import CocoonCore

/// Text ⇄ tokens from a GGUF file's vocabulary: SentencePiece-style (`llama`: scores, byte fallback) or
/// GPT-2 byte-level BPE (`gpt2`: merges), with special tokens split out first, as llama.cpp does.
public struct Tokenizer: Sendable {
  public enum Model: String, Sendable { case sentencePiece = "llama", bytePairEncoding = "gpt2" }

  public let model: Model
  public let pieces: [[UInt8]]
  let kinds: [TokenKind]
  let scores: [Float]
  let ids: [TokenBytes: Int32]
  /// Special (control, user-defined, unknown) tokens, longest text first.
  let specials: [Int32]
  let byteTokens: [Int32]
  let bpe: BPEMerges?
  public let bos: Int32?
  public let eos: Int32?
  /// Tokens that end generation (EOS, end-of-turn markers).
  public let endOfGeneration: Set<Int32>
  public let addBOS: Bool
  let addSpacePrefix: Bool

  public var count: Int { pieces.count }

  /// Reads the vocabulary from `file`'s `tokenizer.ggml.*` metadata.
  /// - Throws: ``CocoonError`` `cpu.unsupportedModel` for other tokenizer models, `cpu.malformedModel` for bad arrays.
  public init(_ file: GGUFFile) throws {
    let path = file.file.path
    let m = file.metadata
    let name = m["tokenizer.ggml.model"]?.stringValue ?? "(none)"
    guard let model = Model(rawValue: name) else {
      throw CocoonError(.unsupportedModel, "model file \(path) has tokenizer \(name); supported: llama, gpt2")
    }
    guard case .stringArray(let texts)? = m["tokenizer.ggml.tokens"] else {
      throw CocoonError(.malformedModel, "model file \(path) lacks tokenizer.ggml.tokens")
    }
    self.model = model
    let pieces = texts.map { Array($0.utf8) }
    self.pieces = pieces
    var kinds = [TokenKind](repeating: .normal, count: texts.count)
    if case .intArray(let raw)? = m["tokenizer.ggml.token_type"], raw.count == texts.count {
      for i in 0..<raw.count { kinds[i] = TokenKind(rawValue: Int(raw[i])) ?? .normal }
    }
    self.kinds = kinds
    if case .floatArray(let raw)? = m["tokenizer.ggml.scores"], raw.count == texts.count {
      scores = raw.map { Float($0) }
    } else {
      scores = [Float](repeating: 0, count: texts.count)
    }
    var ids: [TokenBytes: Int32] = [:]
    ids.reserveCapacity(texts.count)
    for (i, p) in pieces.enumerated() { ids[TokenBytes(p)] = Int32(i) }
    self.ids = ids
    let lookup = ids
    let specialKinds: Set<TokenKind> = [.control, .userDefined, .unknown]
    specials = (0..<Int32(texts.count))
      .filter { specialKinds.contains(kinds[Int($0)]) }
      .sorted { (pieces[Int($0)].count, $1) > (pieces[Int($1)].count, $0) }
    byteTokens = (0..<256).map { b in
      lookup[TokenBytes("<0x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) + ">")]
        ?? lookup[TokenBytes([UInt8(b)])] ?? -1
    }
    if model == .bytePairEncoding {
      guard case .stringArray(let merges)? = m["tokenizer.ggml.merges"] else {
        throw CocoonError(.malformedModel, "model file \(path) has a gpt2 tokenizer but no tokenizer.ggml.merges")
      }
      bpe = BPEMerges(merges: merges, pre: m["tokenizer.ggml.pre"]?.stringValue ?? "default")
    } else {
      bpe = nil
    }
    func id(_ key: String) -> Int32? { m[key]?.intValue.map(Int32.init) }
    bos = id("tokenizer.ggml.bos_token_id")
    eos = id("tokenizer.ggml.eos_token_id")
    var eog = Set([eos, id("tokenizer.ggml.eot_token_id"), id("tokenizer.ggml.eom_token_id")].compactMap { $0 })
    for name in ["<end_of_turn>", "<|eot_id|>", "<|im_end|>", "<|end|>", "<|endoftext|>", "<|eom_id|>"] {
      if let t = ids[TokenBytes(name)], kinds[Int(t)] == .control || kinds[Int(t)] == .userDefined { eog.insert(t) }
    }
    endOfGeneration = eog
    addBOS = m["tokenizer.ggml.add_bos_token"]?.boolValue ?? (model == .sentencePiece)
    addSpacePrefix = m["tokenizer.ggml.add_space_prefix"]?.boolValue ?? (model == .sentencePiece)
  }

  /// The kind of token `id`.
  public func kind(of id: Int32) -> TokenKind { kinds[Int(id)] }

  /// Tokenizes `text`. `addSpecial` prepends BOS when the model asks for it; `parseSpecial` lets control
  /// tokens written in the text (e.g. `<start_of_turn>`) become those tokens. User-defined tokens always do.
  public func encode(_ text: String, addSpecial: Bool = true, parseSpecial: Bool = false) -> [Int32] {
    var out: [Int32] = []
    if addSpecial && addBOS, let bos { out.append(bos) }
    var previousSpecial = true
    for fragment in partition(Array(text.utf8), parseSpecial: parseSpecial) {
      switch fragment {
      case .token(let t):
        out.append(t)
        previousSpecial = true
      case .text(let bytes):
        if model == .sentencePiece {
          var escaped: [UInt8] = addSpacePrefix && previousSpecial ? [0xE2, 0x96, 0x81] : []
          for b in bytes {
            if b == 0x20 { escaped += [0xE2, 0x96, 0x81] } else { escaped.append(b) }
          }
          var session = SentencePieceSession(tokenizer: self, text: escaped)
          session.tokenize(into: &out)
        } else if let bpe {
          bpe.tokenize(bytes, tokenizer: self, into: &out)
        }
        previousSpecial = false
      }
    }
    return out
  }
}
