import CocoonCore
import Synchronization
public import Logging
public import ServiceLifecycle

/// Settles with the ledger every `interval`, and once more on shutdown: submits the clients' charges that the
/// ledger's ``SettlementPolicy`` says are due (which frees their stakes for new requests) and commits a checkpoint
/// of the accounting database, at most once per the policy's checkpoint interval.
/// The settlement on shutdown submits everything pending and commits a checkpoint; it is bounded by
/// ``shutdownLimit``: an unreachable ledger must not hold a stopping coordinator for minutes; what it did not
/// submit stays in the database and the next start submits it.
public struct LedgerSettlementService: Service {
  let accounting: CoordinatorAccounting
  let interval: Duration
  /// How long the settlement on shutdown may take.
  let shutdownLimit: Duration
  let logger: Logger

  public init(
    accounting: CoordinatorAccounting, interval: Duration, shutdownLimit: Duration = .seconds(20), logger: Logger
  ) {
    self.accounting = accounting
    self.interval = interval
    self.shutdownLimit = shutdownLimit
    self.logger = logger
  }

  public func run() async throws {
    let policy = accounting.settlementPolicy
    let clock = ContinuousClock()
    await cancelWhenGracefulShutdown {
      var lastCheckpoint: ContinuousClock.Instant?
      while !Task.isCancelled {
        do { try await Task.sleep(for: interval) } catch { break }
        let checkpointDue = lastCheckpoint.map { clock.now - $0 >= policy.checkpointInterval } ?? true
        if await settleOnce(policy: policy, commitCheckpoint: checkpointDue), checkpointDue {
          lastCheckpoint = clock.now
        }
      }
    }
    // A race of unstructured tasks: a ledger call that ignores cancellation is left behind (the process is
    // stopping) instead of holding the shutdown, as a task group waiting for all its children would (with a task
    // group, SettlementShutdownTests' silent ledger holds `run` past the test's time limit).
    let finished = await FirstOutcome().race([
      {
        _ = await settleOnce(policy: .immediate, commitCheckpoint: true)
        return true
      },
      { [shutdownLimit] in
        try? await Task.sleep(for: shutdownLimit)
        return false
      },
    ])
    if !finished {
      logger.warning(
        "stopping without the final settlement: the ledger did not answer in time; the next start submits it",
        metadata: ["limit": "\(shutdownLimit)"])
    }
  }

  /// Settles once; returns whether it succeeded.
  private func settleOnce(policy: SettlementPolicy, commitCheckpoint: Bool) async -> Bool {
    do {
      let checkpoint = try await accounting.settleWithLedger(policy: policy, commitCheckpoint: commitCheckpoint)
      logger.debug("settled with the ledger", metadata: ["checkpoint": "\(checkpoint?.sequence ?? 0)"])
      return true
    } catch {
      logger.warning("settling with the ledger failed; retrying next time", metadata: ["reason": "\(error)"])
      return false
    }
  }
}

/// Returns the value of whichever racer finishes first and cancels the others, without waiting for them.
private final class FirstOutcome: Sendable {
  private let state = Mutex<(waiting: CheckedContinuation<Bool, Never>?, racers: [Task<Void, Never>])>((nil, []))

  func race(_ racers: [@Sendable () async -> Bool]) async -> Bool {
    await withCheckedContinuation { continuation in
      state.withLock { $0.waiting = continuation }
      let tasks = racers.map { racer in Task { self.finish(with: await racer()) } }
      let decided = state.withLock { state in
        if state.waiting == nil { return true }
        state.racers = tasks
        return false
      }
      if decided { for task in tasks { task.cancel() } }
    }
  }

  private func finish(with value: Bool) {
    let (waiting, racers) = state.withLock { state in
      defer { state = (nil, []) }
      return (state.waiting, state.racers)
    }
    guard let waiting else { return }
    for racer in racers { racer.cancel() }
    waiting.resume(returning: value)
  }
}
