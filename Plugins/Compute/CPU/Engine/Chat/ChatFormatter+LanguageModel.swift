public import CocoonInference

extension ChatFormatter {
  /// The chat formatter for a loaded CPU model (its file's template and its tokenizer).
  public init(model: LanguageModel) { self.init(file: model.file, tokenizer: model.tokenizer) }
}
