/// Spaces requests to each endpoint so that no more than `requestsPerSecond` start per second.
actor RateLimiter {
  private let interval: Duration
  private var nextSlot: [Int: ContinuousClock.Instant] = [:]

  init(requestsPerSecond: Double) {
    interval = requestsPerSecond > 0 ? .nanoseconds(Int64(1_000_000_000 / requestsPerSecond)) : .zero
  }

  /// Waits for the next free slot of `endpoint`.
  func acquire(_ endpoint: Int) async throws {
    let now = ContinuousClock.now
    let slot = max(now, nextSlot[endpoint] ?? now)
    nextSlot[endpoint] = slot + interval
    if slot > now { try await Task.sleep(until: slot, clock: .continuous) }
  }
}
