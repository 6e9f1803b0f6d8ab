import CocoonCore
public import Logging
public import ServiceLifecycle

/// Settles with the ledger every `interval`, and once more on shutdown: submits the clients' charges that the
/// ledger's ``SettlementPolicy`` says are due (which frees their stakes for new requests) and commits a checkpoint
/// of the accounting database, at most once per the policy's checkpoint interval.
/// The settlement on shutdown submits everything pending and commits a checkpoint; it is bounded by
/// ``shutdownLimit``: an unreachable ledger must not hold a stopping coordinator for minutes; what it did not
/// submit stays in the database and the next start submits it.
public struct LedgerSettlementService: Service {
  /// How long the settlement on shutdown may take.
  public static let shutdownLimit: Duration = .seconds(20)

  let accounting: CoordinatorAccounting
  let interval: Duration
  let logger: Logger

  public init(accounting: CoordinatorAccounting, interval: Duration, logger: Logger) {
    self.accounting = accounting
    self.interval = interval
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
    let finished = await withTaskGroup(of: Bool.self) { group in
      group.addTask {
        _ = await settleOnce(policy: .immediate, commitCheckpoint: true)
        return true
      }
      group.addTask {
        try? await Task.sleep(for: Self.shutdownLimit)
        return false
      }
      let first = await group.next() ?? false
      group.cancelAll()
      return first
    }
    if !finished {
      logger.warning(
        "stopping without the final settlement: the ledger did not answer in time; the next start submits it",
        metadata: ["limit": "\(Self.shutdownLimit)"])
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
