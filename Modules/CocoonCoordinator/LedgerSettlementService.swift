import CocoonCore
public import Logging
public import ServiceLifecycle

/// Settles with the ledger every `interval`, and once more on shutdown: submits the clients' latest charges
/// (which frees their stakes for new requests) and commits a checkpoint of the accounting database.
/// The settlement on shutdown is bounded by ``shutdownLimit``: an unreachable ledger must not hold a stopping
/// coordinator for minutes; what it did not submit stays in the database and the next start submits it.
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
    await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        do { try await Task.sleep(for: interval) } catch { break }
        await settleOnce()
      }
    }
    let finished = await withTaskGroup(of: Bool.self) { group in
      group.addTask { await settleOnce(); return true }
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

  private func settleOnce() async {
    do {
      let checkpoint = try await accounting.settleWithLedger()
      logger.debug("settled with the ledger", metadata: ["checkpoint": "\(checkpoint.sequence)"])
    } catch {
      logger.warning("settling with the ledger failed; retrying next time", metadata: ["reason": "\(error)"])
    }
  }
}
