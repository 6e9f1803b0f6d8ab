/// A token's text as raw bytes: vocabulary look-ups compare bytes exactly (as llama.cpp does), never
/// Unicode-canonically like `String`.
struct TokenBytes: Hashable, Sendable {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }
  init(_ bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }
  init(_ string: String) { self.bytes = Array(string.utf8) }
}

/// What a vocabulary entry is (GGUF `tokenizer.ggml.token_type`).
public enum TokenKind: Int, Sendable {
  case normal = 1, unknown = 2, control = 3, userDefined = 4, unused = 5, byte = 6
}
