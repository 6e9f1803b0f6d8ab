import GRDB

/// The coordinator's accounting tables. Amounts are nano-units in signed 64-bit integers.
enum AccountingSchema {
  static func migrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE client (
            address TEXT PRIMARY KEY,
            ledgerBalance INTEGER NOT NULL DEFAULT 0,
            stake INTEGER NOT NULL DEFAULT 0,
            closing INTEGER NOT NULL DEFAULT 0,
            charged INTEGER NOT NULL DEFAULT 0,
            tokens INTEGER NOT NULL DEFAULT 0,
            reserved INTEGER NOT NULL DEFAULT 0,
            submitted INTEGER NOT NULL DEFAULT 0,
            voucherSequence INTEGER NOT NULL DEFAULT 0,
            lastVoucher BLOB
          );
          CREATE TABLE node (
            address TEXT PRIMARY KEY,
            earned INTEGER NOT NULL DEFAULT 0,
            tokens INTEGER NOT NULL DEFAULT 0,
            voucherSequence INTEGER NOT NULL DEFAULT 0,
            lastVoucher BLOB
          );
          CREATE TABLE request (
            id TEXT PRIMARY KEY,
            client TEXT NOT NULL REFERENCES client(address),
            node TEXT,
            status TEXT NOT NULL,
            maxCost INTEGER NOT NULL,
            cost INTEGER NOT NULL DEFAULT 0,
            nodeEarning INTEGER NOT NULL DEFAULT 0,
            promptTokens INTEGER NOT NULL DEFAULT 0,
            cachedTokens INTEGER NOT NULL DEFAULT 0,
            completionTokens INTEGER NOT NULL DEFAULT 0,
            reasoningTokens INTEGER NOT NULL DEFAULT 0
          );
          CREATE INDEX request_status ON request(status);
          CREATE TABLE state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            sequence INTEGER NOT NULL,
            hash BLOB NOT NULL
          );
          CREATE TABLE stateLog (sequence INTEGER PRIMARY KEY, hash BLOB NOT NULL);
          INSERT INTO state (id, sequence, hash) VALUES (1, 0, zeroblob(32));
          INSERT INTO stateLog (sequence, hash) VALUES (0, zeroblob(32));
          """)
    }
    return migrator
  }
}
