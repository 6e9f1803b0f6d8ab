import CocoonAccounting
public import CocoonCore
public import Foundation
public import GRDB

/// The embedded ledger: one SQLite file that plays the chain for a one-machine network, with the rules of the TON
/// contracts (registry, client, node and coordinator contracts). Every operation is validated (inputs and
/// signatures) and applied in one transaction; several processes may share the file (WAL, busy timeout).
public final class LocalLedger: Sendable {
  public let pool: DatabasePool
  /// The ledger's network ID (`local:` and 16 hex digits, made when the file is created).
  public let networkID: String
  let now: @Sendable () -> Date

  /// Opens (creating if needed) the ledger at `path`.
  /// - Parameters:
  ///   - registrySeed: replaces the registry (the owner's update), keeping registered coordinators.
  ///   - now: the ledger's clock (close delays).
  /// - Throws: ``CocoonError`` `io` when the file cannot be opened; `invalidArgument` when it was never seeded
  ///   and no seed is given.
  public init(path: String, registrySeed: RegistrySnapshot?, now: @escaping @Sendable () -> Date = Date.init) throws {
    // Every role opens the ledger on its first start, maybe all at once: opening and set-up take turns.
    (pool, networkID) = try SQLiteFiles.openPool(at: path) { pool in
      try LedgerSchema.migrator().migrate(pool)
      return try Self.setUp(pool, path: path, registrySeed: registrySeed)
    }
    self.now = now
  }

  /// Seeds or reads the registry and makes or reads the network ID; returns the network ID.
  private static func setUp(_ pool: DatabasePool, path: String, registrySeed: RegistrySnapshot?) throws -> String {
    try pool.write { db in
      if let seed = registrySeed {
        let json = String(decoding: try JSONEncoder().encode(seed), as: UTF8.self)
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('registry', ?)", arguments: [json])
      } else if try Self.meta("registry", in: db) == nil {
        throw CocoonError(
          .invalidArgument,
          "the local ledger '\(path)' has no registry yet; give the deployment a `registry:` section to seed it")
      }
      if let id = try Self.meta("network", in: db) { return id }
      let id = "local:" + Data((0..<8).map { _ in UInt8.random(in: 0...255) }).hexString
      try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('network', ?)", arguments: [id])
      try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('deposited', '0')")
      return id
    }
  }

  /// The registry: the seeded values plus the coordinators registered on the ledger and not closed.
  public func registry() async throws -> RegistrySnapshot {
    try await pool.read { db in
      guard let json = try Self.meta("registry", in: db) else {
        throw CocoonError(.invalidArgument, "the local ledger has no registry")
      }
      var snapshot = try JSONDecoder().decode(RegistrySnapshot.self, from: Data(json.utf8))
      snapshot.coordinators = try Row.fetchAll(
        db, sql: "SELECT address, endpoint FROM coordinator WHERE closed = 0 ORDER BY address"
      ).map { row in
        let address: String = row["address"]
        return RegisteredCoordinator(
          publicKey: Data(exactHex: address) ?? Data(), endpoint: row["endpoint"], address: address)
      }
      return snapshot
    }
  }

  /// A client's account with a coordinator (all zero if it has none).
  public func clientAccount(client: String, coordinator: String) async throws -> ClientAccount {
    try await pool.read { db in
      try Self.clientRow(client, coordinator, in: db)?.account
        ?? ClientAccount(balance: .zero, stake: .zero, charged: .zero)
    }
  }

  /// A coordinator's contract with its accounts.
  public func coordinatorAccount(coordinator: String) async throws -> CoordinatorAccount {
    try await pool.read { db in
      let row = try Self.coordinatorRow(coordinator, in: db)
      var clients: [String: ClientAccount] = [:]
      for client in try String.fetchAll(
        db, sql: "SELECT client FROM clientAccount WHERE coordinator = ?", arguments: [coordinator])
      {
        clients[client] = try Self.clientRow(client, coordinator, in: db)?.account
      }
      var payouts: [String: NanoAmount] = [:]
      for payout in try Row.fetchAll(
        db, sql: "SELECT node, paid FROM nodeAccount WHERE coordinator = ?", arguments: [coordinator])
      {
        payouts[payout["node"]] = NanoAmount(sql: payout["paid"])
      }
      return CoordinatorAccount(
        balance: NanoAmount(sql: row["balance"]), closed: row["closed"], clients: clients, nodePayouts: payouts)
    }
  }

  /// What a coordinator has paid a node in all.
  public func nodeEarnings(node: String, coordinator: String) async throws -> NanoAmount {
    try await pool.read { db in
      NanoAmount(
        sql: try Int64.fetchOne(
          db, sql: "SELECT paid FROM nodeAccount WHERE node = ? AND coordinator = ?", arguments: [node, coordinator])
          ?? 0)
    }
  }

  /// Funds the ledger has paid out to `address`.
  public func walletBalance(address: String) async throws -> NanoAmount {
    try await pool.read { db in
      NanoAmount(sql: try Int64.fetchOne(db, sql: "SELECT balance FROM wallet WHERE address = ?", arguments: [address]) ?? 0)
    }
  }

  /// The last nonce the ledger accepted from `actor`.
  public func nonce(of actor: String) async throws -> UInt64 {
    try await pool.read { db in
      UInt64(try Int64.fetchOne(db, sql: "SELECT nonce FROM wallet WHERE address = ?", arguments: [actor]) ?? 0)
    }
  }

  /// A coordinator's latest checkpoint.
  public func lastCheckpoint(coordinator: String) async throws -> Checkpoint? {
    try await pool.read { db in
      let row = try Self.coordinatorRow(coordinator, in: db)
      guard let sequence = row["checkpointSequence"] as Int64? else { return nil }
      return Checkpoint(
        sequence: UInt64(sequence), stateHash: row["checkpointHash"], signature: row["checkpointSignature"])
    }
  }

  // MARK: Row helpers

  static func meta(_ key: String, in db: Database) throws -> String? {
    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
  }

  struct ClientRow {
    var balance: NanoAmount
    var stake: NanoAmount
    var charged: NanoAmount
    var chargeSequence: UInt64
    var unlockTime: Date?
    var closed: Bool

    var account: ClientAccount {
      ClientAccount(balance: balance, stake: stake, charged: charged, unlockTime: unlockTime, closed: closed)
    }
  }

  static func clientRow(_ client: String, _ coordinator: String, in db: Database) throws -> ClientRow? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT * FROM clientAccount WHERE client = ? AND coordinator = ?", arguments: [client, coordinator])
    else { return nil }
    return ClientRow(
      balance: NanoAmount(sql: row["balance"]), stake: NanoAmount(sql: row["stake"]),
      charged: NanoAmount(sql: row["charged"]), chargeSequence: UInt64(row["chargeSequence"] as Int64),
      unlockTime: (row["unlockTime"] as Double?).map { Date(timeIntervalSince1970: $0) }, closed: row["closed"])
  }

  static func coordinatorRow(_ coordinator: String, in db: Database) throws -> Row {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM coordinator WHERE address = ?", arguments: [coordinator])
    else {
      throw CocoonError(
        .paymentRefused, "coordinator \(coordinator) is not registered on this ledger; it registers when it starts")
    }
    return row
  }

  static func creditWallet(_ address: String, _ amount: NanoAmount, in db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO wallet (address, balance) VALUES (?, ?)
        ON CONFLICT(address) DO UPDATE SET balance = balance + excluded.balance
        """,
      arguments: [address, try amount.sqlValue()])
  }

  func journal(_ operation: String, actor: String, coordinator: String?, amount: NanoAmount, in db: Database) throws {
    try db.execute(
      sql: "INSERT INTO journal (time, operation, actor, coordinator, amount) VALUES (?, ?, ?, ?, ?)",
      arguments: [now().timeIntervalSince1970, operation, actor, coordinator, try amount.sqlValue()])
  }
}
