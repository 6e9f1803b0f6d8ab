public import CocoonInference

/// The CPU backend's forward pass for the device-neutral generation loop.
extension LanguageModel: ForwardPass {
  /// Evaluates the batch one sequence at a time (continuous batching comes later); each entry exactly as
  /// ``evaluate(_:state:)`` does.
  public func forward(_ batch: [ForwardBatchEntry<InferenceState>]) throws -> [UnsafeBufferPointer<Float>] {
    try batch.map { try evaluate($0.tokens, state: $0.state) }
  }
}
