import Foundation
import GRDB
import TON

/// The sandbox chain's persistent state in SQLite: accounts, transactions, logical time and block counter.
struct SandboxStore: Sendable {
  let queue: DatabaseQueue

  init(path: String) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    queue = try DatabaseQueue(path: path, configuration: configuration)
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE accounts (address TEXT PRIMARY KEY NOT NULL, state BLOB NOT NULL);
          CREATE TABLE transactions (
            hash BLOB PRIMARY KEY NOT NULL, address TEXT NOT NULL, lt INTEGER NOT NULL,
            utime INTEGER NOT NULL, boc BLOB NOT NULL);
          CREATE INDEX transactions_by_account ON transactions (address, lt);
          CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL);
          INSERT INTO meta (key, value) VALUES ('lt', 1000000), ('block', 1);
          """)
    }
    try migrator.migrate(queue)
  }

  static func account(_ db: Database, _ address: Address) throws -> ShardAccount? {
    guard let data = try Data.fetchOne(db, sql: "SELECT state FROM accounts WHERE address = ?", arguments: [address.raw]) else {
      return nil
    }
    return try ShardAccount(cell: Cell.fromBoC([UInt8](data)))
  }

  static func saveAccount(_ db: Database, _ address: Address, _ shard: ShardAccount) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO accounts (address, state) VALUES (?, ?)",
      arguments: [address.raw, Data(try shard.cell().toBoC())])
  }

  static func saveTransaction(_ db: Database, _ address: Address, _ transaction: TransactionInfo) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO transactions (hash, address, lt, utime, boc) VALUES (?, ?, ?, ?, ?)",
      arguments: [
        Data(transaction.hash), address.raw, Int64(bitPattern: transaction.lt), Int64(transaction.now),
        Data(transaction.cell.toBoC()),
      ])
  }

  static func meta(_ db: Database, _ key: String) throws -> UInt64 {
    UInt64(bitPattern: try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) ?? 0)
  }

  static func setMeta(_ db: Database, _ key: String, _ value: UInt64) throws {
    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, Int64(bitPattern: value)])
  }

  /// Transactions of an account, newest first, starting at `fromLT` (inclusive) when given.
  func transactions(_ address: Address, limit: Int, fromLT: UInt64?) throws -> [TransactionInfo] {
    try queue.read { db in
      let rows = try Data.fetchAll(
        db,
        sql: "SELECT boc FROM transactions WHERE address = ? AND lt <= ? ORDER BY lt DESC LIMIT ?",
        arguments: [address.raw, Int64(bitPattern: fromLT ?? UInt64(Int64.max)), limit])
      return try rows.map { try TransactionInfo(cell: Cell.fromBoC([UInt8]($0))) }
    }
  }
}
