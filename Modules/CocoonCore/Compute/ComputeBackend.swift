/// Runs models: the node's engine (CPU, CUDA, or a third party's).
public protocol ComputeBackend: Sendable {
  /// Loads a model and checks its weights against `spec.sha256`, reporting progress.
  /// - Throws: ``CocoonError`` naming the file and what is wrong (missing, malformed, wrong hash, unsupported).
  func load(_ spec: ModelSpec, progress: @escaping @Sendable (LoadProgress) -> Void) async throws
    -> any LoadedModel
}

/// A model ready to serve; shared by concurrent requests.
public protocol LoadedModel: Sendable {
  /// The name it is served under.
  var id: ModelID { get }
  /// The longest context (prompt + completion) in tokens.
  var contextLength: Int { get }

  /// Generates text. The stream ends with ``GenerationEvent/finished(_:_:)``; terminating the consumer (or
  /// cancelling its task) stops generation within one token.
  func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error>
}
