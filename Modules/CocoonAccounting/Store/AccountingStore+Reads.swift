public import CocoonCore
import Foundation
import GRDB

extension AccountingStore {
  /// A client's account, or nil if the coordinator has never seen it.
  public func clientState(_ address: String) async throws -> ClientLedgerState? {
    try await pool.read { db in try Self.clientIfPresent(address, in: db) }
  }

  /// A node's account, or nil if it has earned nothing yet.
  public func nodeState(_ address: String) async throws -> NodeLedgerState? {
    try await pool.read { db in try Self.nodeIfPresent(address, in: db) }
  }

  /// Every client account, by address.
  public func clients() async throws -> [ClientLedgerState] {
    try await pool.read { db in
      try String.fetchAll(db, sql: "SELECT address FROM client ORDER BY address").map { try Self.client($0, in: db) }
    }
  }

  /// Every node account, by address.
  public func nodes() async throws -> [NodeLedgerState] {
    try await pool.read { db in
      try String.fetchAll(db, sql: "SELECT address FROM node ORDER BY address").map { try Self.node($0, in: db) }
    }
  }

  /// One request's row, or nil if unknown.
  public func requestRecord(_ id: String) async throws -> RequestRecord? {
    try await pool.read { db in try Self.requestIfPresent(id, in: db) }
  }

  /// The sum of every node's vouched earnings (what the ledger must have paid out before the coordinator closes).
  public func vouchedNodeEarnings() async throws -> NanoAmount {
    try await pool.read { db in NanoAmount(sql: try Int64.fetchOne(db, sql: "SELECT coalesce(sum(earned), 0) FROM node") ?? 0) }
  }

  /// The head of the state chain.
  public func head() async throws -> StateHead {
    try await pool.read { db in try Self.head(in: db) }
  }

  static func head(in db: Database) throws -> StateHead {
    guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM state WHERE id = 1") else {
      throw CocoonError(.io, "the accounting database has no state row; it is damaged")
    }
    return StateHead(sequence: UInt64(row["sequence"] as Int64), hash: row["hash"])
  }

  static func clientIfPresent(_ address: String, in db: Database) throws -> ClientLedgerState? {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM client WHERE address = ?", arguments: [address]) else {
      return nil
    }
    return ClientLedgerState(
      address: address, ledgerBalance: NanoAmount(sql: row["ledgerBalance"]), stake: NanoAmount(sql: row["stake"]),
      closing: row["closing"], charged: NanoAmount(sql: row["charged"]), tokens: row["tokens"], reserved: NanoAmount(sql: row["reserved"]),
      submitted: NanoAmount(sql: row["submitted"]), voucherSequence: UInt64(row["voucherSequence"] as Int64),
      lastVoucher: try (row["lastVoucher"] as Data?).map { try JSONDecoder().decode(PaymentVoucher.self, from: $0) })
  }

  static func client(_ address: String, in db: Database) throws -> ClientLedgerState {
    guard let state = try clientIfPresent(address, in: db) else {
      throw CocoonError(
        .invalidArgument, "client \(address) has no account with this coordinator; it must deposit and stake first")
    }
    return state
  }

  static func nodeIfPresent(_ address: String, in db: Database) throws -> NodeLedgerState? {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM node WHERE address = ?", arguments: [address]) else {
      return nil
    }
    return NodeLedgerState(
      address: address, earned: NanoAmount(sql: row["earned"]), tokens: row["tokens"],
      voucherSequence: UInt64(row["voucherSequence"] as Int64),
      lastVoucher: try (row["lastVoucher"] as Data?).map { try JSONDecoder().decode(PaymentVoucher.self, from: $0) })
  }

  static func node(_ address: String, in db: Database) throws -> NodeLedgerState {
    try nodeIfPresent(address, in: db)
      ?? NodeLedgerState(address: address, earned: .zero, tokens: 0, voucherSequence: 0, lastVoucher: nil)
  }

  static func requestIfPresent(_ id: String, in db: Database) throws -> RequestRecord? {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM request WHERE id = ?", arguments: [id]) else { return nil }
    return RequestRecord(
      id: id, client: row["client"], node: row["node"],
      status: RequestRecord.Status(rawValue: row["status"]) ?? .released, maxCost: NanoAmount(sql: row["maxCost"]),
      cost: NanoAmount(sql: row["cost"]), nodeEarning: NanoAmount(sql: row["nodeEarning"]),
      usage: TokenUsage(
        promptTokens: row["promptTokens"], cachedTokens: row["cachedTokens"],
        completionTokens: row["completionTokens"], reasoningTokens: row["reasoningTokens"]))
  }

  /// The reserved request `id`.
  /// - Throws: ``CocoonError`` `requestState` when unknown or no longer reserved.
  static func request(_ id: String, in db: Database) throws -> RequestRecord {
    guard let request = try requestIfPresent(id, in: db) else {
      throw CocoonError(.requestState, "request \(id) was never reserved")
    }
    guard request.status == .reserved else {
      throw CocoonError(.requestState, "request \(id) is already \(request.status.rawValue)")
    }
    return request
  }
}
