/// One sequence's cached state (its KV cache) as the generation loop sees it. Not thread-safe: one request uses it
/// at a time.
public protocol SequenceState: AnyObject, Sendable {
  /// Tokens whose keys and values are cached, at positions `0..<tokens.count`.
  var tokens: [Int32] { get }
  /// Positions the cache can hold now without growing.
  var capacity: Int { get }
  /// Forgets cached positions from `count` on (keeps a reusable prefix).
  func truncate(to count: Int)
}

/// One entry of a forward batch: a sequence and the new tokens to evaluate after the ones it has cached.
public struct ForwardBatchEntry<State: SequenceState> {
  public var state: State
  public var tokens: [Int32]

  public init(state: State, tokens: [Int32]) {
    self.state = state
    self.tokens = tokens
  }
}

/// What a compute backend provides: the model's weights in its own layout and the forward pass over them. The
/// device-neutral parts (tokenizer, chat format, sampling, stop scanning, the generation loop, prefix reuse) are
/// built on it, generic over the backend.
public protocol ForwardPass: Sendable {
  /// The backend's sequence state (KV cache).
  associatedtype State: SequenceState

  /// The parsed model file the weights were built from.
  var file: GGUFFile { get }
  /// The hyper-parameters read from the file.
  var config: ModelConfig { get }
  /// The file's vocabulary.
  var tokenizer: Tokenizer { get }

  /// A fresh sequence state able to hold `positions` tokens without growing.
  func makeState(positions: Int) -> State

  /// Evaluates each entry's tokens after those cached in its state and returns, per entry and in order, the logits
  /// of its last token (valid until the next call on that state).
  /// - Throws: ``CocoonCore/CocoonError`` when a context would overflow or a token is out of range.
  func forward(_ batch: [ForwardBatchEntry<State>]) throws -> [UnsafeBufferPointer<Float>]
}
