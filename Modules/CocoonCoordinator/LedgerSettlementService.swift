import CocoonCore
public import Logging
public import ServiceLifecycle

/// Settles with the ledger every `interval`, and once more on shutdown: submits the clients' latest charges
/// (which frees their stakes for new requests) and commits a checkpoint of the accounting database.
public struct LedgerSettlementService: Service {
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
    await settleOnce()
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
