/// The wait between reconnection attempts to a peer: exponential with jitter, 0.2 s doubling up to 10 s, each wait
/// a random 50–100 % of that (so peers that lost the same coordinator do not return in step).
public struct ReconnectBackoff: Sendable {
  private var attempt = 0

  public init() {}

  /// Starts over, after a connection that got through its handshake (or lasted long enough to count as one).
  public mutating func reset() { attempt = 0 }

  /// The next wait; each call doubles the base up to the ceiling.
  public mutating func next() -> Duration {
    let base = min(10.0, 0.2 * Double(1 << min(attempt, 6)))
    attempt += 1
    return .milliseconds(Int(base * 1000 * Double.random(in: 0.5...1.0)))
  }
}
