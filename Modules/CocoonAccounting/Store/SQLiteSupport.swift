public import CocoonCore
public import GRDB

/// Opening SQLite files the way every Cocoon ledger and store does: WAL, durable commits, a busy timeout so
/// several processes can share the file.
public enum SQLiteFiles {
  /// Opens (creating if needed) a pool at `path` with WAL, `synchronous = FULL` and a 10 s busy timeout.
  /// - Throws: ``CocoonError`` `io` naming the path.
  public static func openPool(at path: String) throws -> DatabasePool {
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    do { return try DatabasePool(path: path, configuration: configuration) } catch {
      throw CocoonError(.io, "cannot open the database '\(path)': \(error); check the directory exists and is writable")
    }
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
