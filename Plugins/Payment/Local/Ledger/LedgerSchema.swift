import GRDB

/// The local ledger's tables: the registry ("root contract"), coordinator, client and node contracts, and the
/// wallets that paid-out funds land in. Amounts are nano-units.
enum LedgerSchema {
  static func migrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TABLE coordinator (
            address TEXT PRIMARY KEY,
            endpoint TEXT NOT NULL,
            balance INTEGER NOT NULL DEFAULT 0,
            closed INTEGER NOT NULL DEFAULT 0,
            checkpointSequence INTEGER,
            checkpointHash BLOB,
            checkpointSignature BLOB
          );
          CREATE TABLE clientAccount (
            client TEXT NOT NULL,
            coordinator TEXT NOT NULL REFERENCES coordinator(address),
            balance INTEGER NOT NULL DEFAULT 0,
            stake INTEGER NOT NULL DEFAULT 0,
            charged INTEGER NOT NULL DEFAULT 0,
            chargeSequence INTEGER NOT NULL DEFAULT 0,
            unlockTime REAL,
            closed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (client, coordinator)
          );
          CREATE TABLE nodeAccount (
            node TEXT NOT NULL,
            coordinator TEXT NOT NULL REFERENCES coordinator(address),
            paid INTEGER NOT NULL DEFAULT 0,
            paidSequence INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (node, coordinator)
          );
          CREATE TABLE wallet (
            address TEXT PRIMARY KEY,
            balance INTEGER NOT NULL DEFAULT 0,
            nonce INTEGER NOT NULL DEFAULT 0
          );
          CREATE TABLE journal (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time REAL NOT NULL,
            operation TEXT NOT NULL,
            actor TEXT NOT NULL,
            coordinator TEXT,
            amount INTEGER NOT NULL DEFAULT 0
          );
          """)
    }
    return migrator
  }
}
