import Synchronization

/// Coalesces concurrent calls into batches: while one batch is being committed, new calls queue up, and the next
/// batch takes them all. With a durable database this is group commit — one fsync for every request that arrived
/// during the previous one — so throughput grows with concurrency while a lone call waits for no timer.
public final class GroupCommit<Input: Sendable, Output: Sendable>: Sendable {
  private typealias Waiter = (input: Input, continuation: CheckedContinuation<Output, any Error>)
  private struct State: Sendable {
    var pending: [Waiter] = []
    var running = false
  }

  private let state = Mutex(State())
  private let commit: @Sendable ([Input]) async throws -> [Result<Output, any Error>]

  /// - Parameter commit: applies a batch, returning one result per input in order; throwing fails the whole batch.
  public init(commit: @escaping @Sendable ([Input]) async throws -> [Result<Output, any Error>]) {
    self.commit = commit
  }

  /// Queues `input` for the next batch and returns its result once that batch committed.
  public func submit(_ input: Input) async throws -> Output {
    try await withCheckedThrowingContinuation { continuation in
      let startsDrain = state.withLock { state in
        state.pending.append((input, continuation))
        guard !state.running else { return false }
        state.running = true
        return true
      }
      if startsDrain { Task { await self.drain() } }
    }
  }

  private func drain() async {
    while true {
      let batch: [Waiter] = state.withLock { state in
        guard !state.pending.isEmpty else {
          state.running = false
          return []
        }
        defer { state.pending.removeAll(keepingCapacity: true) }
        return state.pending
      }
      guard !batch.isEmpty else { return }
      do {
        let results = try await commit(batch.map(\.input))
        guard results.count == batch.count else {
          throw CocoonGroupCommitError.resultCountMismatch(expected: batch.count, got: results.count)
        }
        for (waiter, result) in zip(batch, results) { waiter.continuation.resume(with: result) }
      } catch {
        for waiter in batch { waiter.continuation.resume(throwing: error) }
      }
    }
  }
}

/// A batch commit that broke its contract.
enum CocoonGroupCommitError: Error {
  case resultCountMismatch(expected: Int, got: Int)
}
