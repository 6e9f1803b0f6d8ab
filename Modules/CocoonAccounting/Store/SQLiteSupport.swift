public import CocoonCore
import Foundation
public import GRDB

/// Opening SQLite files the way every Cocoon ledger and store does: WAL, durable commits, a busy timeout so
/// several processes can share the file.
public enum SQLiteFiles {
  /// Opens (creating if needed) a pool at `path` with WAL, `synchronous = FULL` and a 10 s busy timeout.
  /// - Throws: ``CocoonError`` `io` naming the path.
  public static func openPool(at path: String) throws -> DatabasePool {
    try openPool(at: path) { _ in () }.pool
  }

  /// Opens (creating if needed) a pool at `path` as ``openPool(at:)`` does, then runs `setUp` on it (migrations,
  /// first-use rows), with no other process opening and setting up the same file at once.
  ///
  /// Several processes open one file on a first start (the three roles share the local ledger). Side by side, one
  /// fails to switch the new file to WAL ("database is locked"), creates a table the other already created (GRDB's
  /// migrator reads the applied migrations and applies them in separate transactions), or writes a first-use row on
  /// a stale snapshot. An exclusive `flock(2)` on `<path>.setup` makes them take turns; it is held for milliseconds.
  /// - Throws: ``CocoonError`` `io` naming the path or the lock file; whatever `setUp` throws.
  public static func openPool<T>(at path: String, setUp: (DatabasePool) throws -> T) throws
    -> (pool: DatabasePool, setUp: T)
  {
    let lockPath = path + ".setup"
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      throw CocoonError(.io, "cannot create '\(lockPath)': \(reason); check the directory exists and is writable")
    }
    defer { close(descriptor) }  // closing the descriptor releases the lock
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else {
        throw CocoonError(.io, "cannot lock '\(lockPath)': \(String(cString: strerror(errno)))")
      }
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    let pool: DatabasePool
    do { pool = try DatabasePool(path: path, configuration: configuration) } catch {
      throw CocoonError(.io, "cannot open the database '\(path)': \(error); check the directory exists and is writable")
    }
    return (pool, try setUp(pool))
  }
}

extension NanoAmount {
  /// The amount as SQLite's signed 64-bit integer.
  /// - Throws: ``CocoonError`` `invalidArgument` above 2⁶³ − 1 nano-units.
  public func sqlValue() throws -> Int64 {
    guard let value = Int64(exactly: rawValue) else {
      throw CocoonError(.invalidArgument, "amount \(self) exceeds what the ledger stores (\(Int64.max) nano-units)")
    }
    return value
  }

  /// An amount read back from SQLite.
  public init(sql value: Int64) { self.init(UInt64(max(value, 0))) }

  /// `self + other`, refusing overflow.
  public func adding(_ other: NanoAmount) throws -> NanoAmount {
    let (sum, overflow) = rawValue.addingReportingOverflow(other.rawValue)
    guard !overflow else { throw CocoonError(.invalidArgument, "amount overflows: \(self) + \(other)") }
    return NanoAmount(sum)
  }

  /// `self - other`, refusing to go below zero.
  public func subtracting(_ other: NanoAmount) throws -> NanoAmount {
    guard other <= self else { throw CocoonError(.insufficientFunds, "\(other) is more than the \(self) available") }
    return NanoAmount(rawValue - other.rawValue)
  }
}
