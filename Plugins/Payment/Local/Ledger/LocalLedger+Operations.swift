import CocoonAccounting
public import CocoonCore
import Foundation
import GRDB

extension CocoonError.Code {
  /// A signed ledger operation was already applied (its nonce is not above the actor's last one).
  public static let operationReplayed = Self("payment.operationReplayed")
}

extension LocalLedger {
  /// Validates and applies a signed operation in one transaction.
  /// - Throws: ``CocoonError``: `wrongBinding` (another network), `badSignature`, `operationReplayed`,
  ///   `invalidArgument` (a zero amount), `insufficientFunds`, `accountClosed`, `paymentRefused` (an unknown or
  ///   closed coordinator, a close before its delay). Nothing changes when it throws.
  public func apply(_ operation: LedgerOperation) async throws {
    try await pool.write { db in try self.apply(operation, in: db) }
  }

  /// Signs and applies an operation in one transaction: `build` gets the actor's next nonce, so concurrent
  /// operations of one party (from several processes too) never collide.
  public func apply(nextFor actor: String, _ build: @escaping @Sendable (UInt64) throws -> LedgerOperation)
    async throws
  {
    try await pool.write { db in try self.apply(try build(try self.lastNonce(of: actor, in: db) + 1), in: db) }
  }

  func lastNonce(of actor: String, in db: Database) throws -> UInt64 {
    UInt64(try Int64.fetchOne(db, sql: "SELECT nonce FROM wallet WHERE address = ?", arguments: [actor]) ?? 0)
  }

  private func apply(_ operation: LedgerOperation, in db: Database) throws {
    try self.authenticate(operation, in: db)
    switch operation.name {
    case .registerCoordinator: try self.registerCoordinator(operation, in: db)
    case .deposit: try self.deposit(operation, in: db)
    case .increaseStake: try self.increaseStake(operation, in: db)
    case .withdraw: try self.withdraw(operation, in: db)
    case .close: try self.close(operation, in: db)
    case .closeCoordinator: try self.closeCoordinator(operation, in: db)
    }
    try self.journal(
      operation.name.rawValue, actor: operation.actor, coordinator: operation.coordinator,
      amount: operation.amount, in: db)
  }

  /// Checks network, signature and nonce, and records the nonce.
  func authenticate(_ operation: LedgerOperation, in db: Database) throws {
    guard operation.network == networkID else {
      throw CocoonError(
        .wrongBinding, "operation is for network '\(operation.network)'; this ledger is '\(networkID)'")
    }
    guard let key = Data(exactHex: operation.actor), key.count == 32,
      Ed25519LedgerKey.isValid(signature: operation.signature, of: operation.signingBytes, publicKey: key)
    else {
      throw CocoonError(.badSignature, "\(operation.name.rawValue) is not signed by \(operation.actor)'s key")
    }
    let last = try Int64.fetchOne(db, sql: "SELECT nonce FROM wallet WHERE address = ?", arguments: [operation.actor])
    guard let nonce = Int64(exactly: operation.nonce), nonce > (last ?? 0) else {
      throw CocoonError(
        .operationReplayed,
        "\(operation.name.rawValue) has nonce \(operation.nonce), not above \(operation.actor)'s last \(last ?? 0) "
          + "(a replay, or a concurrent operation: retry)")
    }
    try db.execute(
      sql: """
        INSERT INTO wallet (address, nonce) VALUES (?, ?)
        ON CONFLICT(address) DO UPDATE SET nonce = excluded.nonce
        """,
      arguments: [operation.actor, nonce])
  }

  private func registerCoordinator(_ operation: LedgerOperation, in db: Database) throws {
    guard operation.actor == operation.coordinator else {
      throw CocoonError(.badSignature, "a coordinator registers itself; \(operation.actor) cannot register another")
    }
    guard !operation.text.isEmpty else {
      throw CocoonError(.invalidArgument, "a coordinator registers with its endpoint, host:port; none was given")
    }
    if let row = try Row.fetchOne(
      db, sql: "SELECT closed FROM coordinator WHERE address = ?", arguments: [operation.coordinator]),
      row["closed"] as Bool
    {
      throw CocoonError(.accountClosed, "coordinator \(operation.coordinator) has closed; it cannot register again")
    }
    try db.execute(
      sql: """
        INSERT INTO coordinator (address, endpoint) VALUES (?, ?)
        ON CONFLICT(address) DO UPDATE SET endpoint = excluded.endpoint
        """,
      arguments: [operation.coordinator, operation.text])
  }

  /// The client's open account, creating it on a deposit.
  private func openAccount(_ operation: LedgerOperation, create: Bool, in db: Database) throws -> ClientRow {
    let coordinator = try Self.coordinatorRow(operation.coordinator, in: db)
    guard !(coordinator["closed"] as Bool) else {
      throw CocoonError(.accountClosed, "coordinator \(operation.coordinator) has closed; it takes no new funds")
    }
    guard operation.amount > .zero || operation.name == .close else {
      throw CocoonError(.invalidArgument, "\(operation.name.rawValue) needs an amount above zero")
    }
    let row = try Self.clientRow(operation.actor, operation.coordinator, in: db)
    if let row {
      guard !row.closed else {
        throw CocoonError(.accountClosed, "client \(operation.actor)'s account with this coordinator is closed")
      }
      return row
    }
    guard create else {
      throw CocoonError(
        .insufficientFunds, "client \(operation.actor) has no account with coordinator \(operation.coordinator)")
    }
    try db.execute(
      sql: "INSERT INTO clientAccount (client, coordinator) VALUES (?, ?)",
      arguments: [operation.actor, operation.coordinator])
    return ClientRow(balance: .zero, stake: .zero, charged: .zero, chargeSequence: 0, unlockTime: nil, closed: false)
  }

  private func deposit(_ operation: LedgerOperation, in db: Database) throws {
    let row = try openAccount(operation, create: true, in: db)
    guard row.unlockTime == nil else {
      throw CocoonError(.accountClosed, "client \(operation.actor) is closing its account; it takes no new funds")
    }
    try updateClient(operation, balance: try row.balance.adding(operation.amount), stake: row.stake, in: db)
    let deposited = NanoAmount(UInt64(try Self.meta("deposited", in: db) ?? "0") ?? 0)
    try db.execute(
      sql: "UPDATE meta SET value = ? WHERE key = 'deposited'",
      arguments: [String(try deposited.adding(operation.amount).rawValue)])
  }

  private func increaseStake(_ operation: LedgerOperation, in db: Database) throws {
    let row = try openAccount(operation, create: false, in: db)
    guard row.unlockTime == nil else {
      throw CocoonError(.accountClosed, "client \(operation.actor) is closing its account; its stake cannot change")
    }
    let stake = try row.stake.adding(operation.amount)
    guard stake <= row.balance else {
      throw CocoonError(
        .insufficientFunds, "a stake of \(stake) exceeds the balance \(row.balance); deposit first")
    }
    try updateClient(operation, balance: row.balance, stake: stake, in: db)
  }

  private func withdraw(_ operation: LedgerOperation, in db: Database) throws {
    let row = try openAccount(operation, create: false, in: db)
    let available = NanoAmount(row.balance.rawValue - min(row.stake.rawValue, row.balance.rawValue))
    guard operation.amount <= available else {
      throw CocoonError(
        .insufficientFunds,
        "withdrawing \(operation.amount) would take the balance \(row.balance) below the stake \(row.stake); "
          + "at most \(available) can be withdrawn (close the account to get the stake back)")
    }
    try updateClient(operation, balance: try row.balance.subtracting(operation.amount), stake: row.stake, in: db)
    try Self.creditWallet(operation.actor, operation.amount, in: db)
  }

  private func close(_ operation: LedgerOperation, in db: Database) throws {
    let row = try openAccount(operation, create: false, in: db)
    if let unlock = row.unlockTime {
      guard now() >= unlock else {
        throw CocoonError(
          .paymentRefused,
          "the stake of client \(operation.actor) returns after the close delay, at \(unlock) "
            + "(or at once with the coordinator's co-signed final charge)")
      }
      try db.execute(
        sql: "UPDATE clientAccount SET balance = 0, stake = 0, closed = 1 WHERE client = ? AND coordinator = ?",
        arguments: [operation.actor, operation.coordinator])
      try Self.creditWallet(operation.actor, row.balance, in: db)
      return
    }
    let registry = try registrySnapshot(in: db)
    let unlock = now().addingTimeInterval(TimeInterval(registry.clientCloseDelay))
    let excess = NanoAmount(row.balance.rawValue - min(row.stake.rawValue, row.balance.rawValue))
    try db.execute(
      sql: "UPDATE clientAccount SET balance = ?, unlockTime = ? WHERE client = ? AND coordinator = ?",
      arguments: [
        try NanoAmount(row.balance.rawValue - excess.rawValue).sqlValue(), unlock.timeIntervalSince1970,
        operation.actor, operation.coordinator,
      ])
    try Self.creditWallet(operation.actor, excess, in: db)
  }

  private func updateClient(
    _ operation: LedgerOperation, balance: NanoAmount, stake: NanoAmount, in db: Database
  ) throws {
    try db.execute(
      sql: "UPDATE clientAccount SET balance = ?, stake = ? WHERE client = ? AND coordinator = ?",
      arguments: [try balance.sqlValue(), try stake.sqlValue(), operation.actor, operation.coordinator])
  }

  func registrySnapshot(in db: Database) throws -> RegistrySnapshot {
    guard let json = try Self.meta("registry", in: db) else {
      throw CocoonError(.invalidArgument, "the local ledger has no registry")
    }
    return try JSONDecoder().decode(RegistrySnapshot.self, from: Data(json.utf8))
  }
}
