import CocoonAccounting
public import CocoonCore
import GRDB

/// Where every nano-unit on the ledger is: the invariant is `held == deposited`.
public struct LedgerTotals: Hashable, Sendable {
  /// Everything ever deposited into client accounts.
  public var deposited: NanoAmount
  /// Client balances, stakes included (stakes are the locked part).
  public var clientBalances: NanoAmount
  /// Charges received by coordinators and not paid out yet.
  public var coordinatorBalances: NanoAmount
  /// Funds paid out to parties' wallets.
  public var wallets: NanoAmount

  /// The sum of all balances and locked funds.
  public var held: NanoAmount {
    NanoAmount(clientBalances.rawValue + coordinatorBalances.rawValue + wallets.rawValue)
  }
}

extension LocalLedger {
  /// Adds up every account, in one read transaction.
  public func totals() async throws -> LedgerTotals {
    try await pool.read { db in
      func sum(_ sql: String) throws -> NanoAmount { NanoAmount(sql: try Int64.fetchOne(db, sql: sql) ?? 0) }
      return LedgerTotals(
        deposited: NanoAmount(UInt64(try Self.meta("deposited", in: db) ?? "0") ?? 0),
        clientBalances: try sum("SELECT coalesce(sum(balance), 0) FROM clientAccount"),
        coordinatorBalances: try sum("SELECT coalesce(sum(balance), 0) FROM coordinator"),
        wallets: try sum("SELECT coalesce(sum(balance), 0) FROM wallet"))
    }
  }
}
