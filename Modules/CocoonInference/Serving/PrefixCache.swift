import Synchronization

/// Idle sequence states kept for prompt-prefix reuse: a request takes the state sharing the longest prefix with
/// its prompt and gives it back when done; at most `capacity` idle states are kept (the oldest is dropped).
public final class PrefixCache<State: SequenceState>: Sendable {
  private let idle: Mutex<[State]> = Mutex([])
  /// The most idle states kept; 0 keeps none.
  public let capacity: Int

  public init(capacity: Int) { self.capacity = capacity }

  /// The idle state sharing the longest prefix with `prompt` (removed from the cache), or nil when none is idle.
  public func take(for prompt: [Int32]) -> State? {
    idle.withLock { states in
      guard !states.isEmpty else { return nil }
      let scored = states.enumerated().map { ($0, zip($1.tokens, prompt).prefix { $0 == $1 }.count) }
      let best = scored.max { $0.1 < $1.1 }!
      return states.remove(at: best.0)
    }
  }

  /// Keeps `state` for a later request.
  public func giveBack(_ state: State) {
    guard capacity > 0 else { return }
    idle.withLock { states in
      states.append(state)
      if states.count > capacity { states.removeFirst() }
    }
  }
}
