public import CocoonCore

/// What the OpenAI-compatible API needs from the network: the servable models, and a way to run one request.
///
/// The client role implements it over its coordinator link; tests use a double.
public protocol InferenceGateway: Sendable {
  /// Models currently servable through the network.
  func models() async throws -> [ModelID]

  /// Runs one request.
  ///
  /// The stream yields `.delta` events then one `.finished(reason, usage)`. Cancelling the consuming task, or
  /// dropping the stream unfinished, must cancel the request upstream (`onTermination` sees `.cancelled`).
  ///
  /// A refusal thrown here, or as the stream's first event, keeps its HTTP status even for a streamed request;
  /// after the first event it becomes an SSE `error` event. The API awaits the first event before it answers, so a
  /// client that hangs up before then is noticed when that event arrives; from then on, at once.
  /// - Throws: ``CocoonError`` (`unknownModel`, `noNodeAvailable`, `overloaded`, `tooManyTokens`,
  ///   `insufficientBalance`, `peerLost`, `invalidArgument`) for refusals, from here or mid-stream.
  func generate(_ request: GenerationRequest) async throws -> AsyncThrowingStream<GenerationEvent, any Error>
}
