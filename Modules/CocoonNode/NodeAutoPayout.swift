import CocoonCore
import Logging
public import ServiceLifecycle

/// Cashes a coordinator's earning voucher on the ledger once the part not paid out reaches the
/// ``SettlementPolicy``'s threshold: in the background, so answering queries never waits for the ledger, and one
/// payout at a time per coordinator, always with the newest voucher (payouts are cumulative: it pays everything
/// before it). A refused or failed payout (the coordinator has not submitted enough of its clients' charges yet, the
/// ledger is unreachable) is retried with backoff from `retryDelay`; after a few tries the next voucher tries again.
///
/// It is a ``Service``: the payouts run in a task group its ``run()`` owns, and stop on shutdown (a payout is
/// cumulative, so one cut short is made whole by the next).
public actor NodeAutoPayout: Service {
  let network: any PaymentNetwork
  let node: String
  let policy: SettlementPolicy
  let retryDelay: Duration
  let logger: Logger
  /// The newest voucher per coordinator.
  private var latest: [String: PaymentVoucher] = [:]
  /// What the ledger had paid per coordinator when last read or paid.
  private var paid: [String: NanoAmount] = [:]
  private var cashing: Set<String> = []
  /// Coordinators whose payout is due, for ``run()`` to start.
  private let due = AsyncStream.makeStream(of: String.self)
  static let attempts = 6

  init(network: any PaymentNetwork, node: String, policy: SettlementPolicy, retryDelay: Duration, logger: Logger) {
    self.network = network
    self.node = node
    self.policy = policy
    self.retryDelay = retryDelay
    self.logger = logger
  }

  /// Cashes due earnings, one payout at a time per coordinator, until shutdown.
  public func run() async {
    let due = self.due.stream
    await cancelWhenGracefulShutdown {
      await withDiscardingTaskGroup { group in
        for await coordinator in due {
          group.addTask { await self.cash(from: coordinator) }
        }
      }
    }
  }

  /// Notes `voucher` and starts cashing when it is due and no payout from its coordinator is under way.
  func consider(_ voucher: PaymentVoucher) {
    guard voucher.kind == .nodeEarning else { return }
    let coordinator = voucher.coordinator
    if voucher.amount > latest[coordinator]?.amount ?? .zero { latest[coordinator] = voucher }
    guard !cashing.contains(coordinator) else { return }
    if let known = paid[coordinator], !policy.payoutIsDue(vouched: voucher.amount, paid: known) { return }
    cashing.insert(coordinator)
    due.continuation.yield(coordinator)
  }

  private func cash(from coordinator: String) async {
    defer { cashing.remove(coordinator) }
    var delay = retryDelay
    var failures = 0
    while let voucher = latest[coordinator], failures < Self.attempts {
      do {
        let onLedger = try await network.nodeEarnings(node: node, coordinator: coordinator)
        // A ledger read may lag a payout this process just made: never below what it already paid.
        let known = max(onLedger, paid[coordinator] ?? .zero)
        paid[coordinator] = known
        guard policy.payoutIsDue(vouched: voucher.amount, paid: known) else { return }
        try await network.submit(voucher)
        paid[coordinator] = voucher.amount
        failures = 0
        delay = retryDelay
        logger.info("cashed earnings", metadata: ["coordinator": "\(coordinator)", "paid_in_all": "\(voucher.amount)"])
      } catch {
        failures += 1
        logger.notice(
          "cashing earnings failed; trying again", metadata: ["coordinator": "\(coordinator)", "reason": "\(error)"])
        do { try await Task.sleep(for: delay) } catch { return }
        delay *= 2
      }
    }
  }
}
