public import CocoonCore
import Crypto
public import Foundation
public import GRDB
import Synchronization

/// The coordinator's accounting: clients' charges and stakes, nodes' earnings, and every request's cost, in one
/// SQLite file (WAL, durable commits).
///
/// The request path calls ``reserve(client:requestID:maxCost:)`` before forwarding a request,
/// ``settle(requestID:usage:node:coefficient:)`` when the node reports usage, or ``release(requestID:)`` when it
/// fails. Each call is one transaction; vouchers are signed inside it and returned only after it committed, so a
/// voucher never reflects a change the database could lose. A client is admitted only while its unsettled spend
/// (charges the ledger has not accepted yet, plus reservations) stays within its stake and its ledger balance.
public final class AccountingStore: Sendable {
  /// The database.
  public let pool: DatabasePool
  /// The ledger network vouchers are bound to.
  public let network: String
  /// The coordinator's key: its address names the coordinator, it signs vouchers and checkpoints.
  public let signer: any LedgerSigner
  /// The smallest stake a client must hold to be served.
  public let minimumStake: NanoAmount
  /// The bytes the coordinator signs for a voucher on its ledger (``PaymentNetwork/voucherSigningBytes(_:)``).
  public let voucherSigningBytes: @Sendable (PaymentVoucher) throws -> Data
  private let prices: Mutex<Prices>

  /// Opens (creating or migrating) the accounting database at `path`.
  public init(
    path: String, network: String, signer: any LedgerSigner, prices: Prices, minimumStake: NanoAmount = .zero,
    voucherSigningBytes: @escaping @Sendable (PaymentVoucher) throws -> Data = { $0.signingBytes }
  ) throws {
    self.voucherSigningBytes = voucherSigningBytes
    pool = try SQLiteFiles.openPool(at: path) { try AccountingSchema.migrator().migrate($0) }.pool
    self.network = network
    self.signer = signer
    self.minimumStake = minimumStake
    self.prices = Mutex(prices)
  }

  /// The coordinator's ledger address.
  public var coordinator: String { signer.address }

  /// The prices settlements use now.
  public var currentPrices: Prices { prices.withLock { $0 } }

  /// Replaces the prices (after the registry changed); reservations already made keep their maximum.
  public func update(prices newPrices: Prices) { prices.withLock { $0 = newPrices } }

  /// Admits a request: records it and reserves `maxCost` against the client's stake.
  /// - Throws: ``CocoonError`` `overStake` (unsettled spend would pass the stake or balance), `accountClosed`,
  ///   `requestState` (a known request ID), `invalidArgument` (an unknown client, a stake below the minimum).
  public func reserve(client: String, requestID: String, maxCost: NanoAmount) async throws {
    let reservation = Reservation(client: client, requestID: requestID, maxCost: maxCost)
    let minimumStake = self.minimumStake
    try await pool.write { db in try Self.reserve(reservation, minimumStake: minimumStake, in: db) }
  }

  static func reserve(_ reservation: Reservation, minimumStake: NanoAmount, in db: Database) throws {
    let (client, requestID, maxCost) = (reservation.client, reservation.requestID, reservation.maxCost)
    let state = try Self.client(client, in: db)
    guard !state.closing else {
      throw CocoonError(.accountClosed, "client \(client) is closing its account; it can make no new requests")
    }
    guard state.stake >= minimumStake, state.stake > .zero else {
      throw CocoonError(
        .overStake, "client \(client) has a stake of \(state.stake); at least \(max(minimumStake, 1)) is needed")
    }
    let exposure = try state.exposure.adding(maxCost)
    let limit = min(state.stake, state.ledgerBalance)
    guard exposure <= limit else {
      throw CocoonError(
        .overStake,
        "client \(client): unsettled spend would be \(exposure), above its stake/balance limit \(limit); "
          + "wait for the ledger to settle, top up or raise the stake")
    }
    guard try Row.fetchOne(db, sql: "SELECT 1 FROM request WHERE id = ?", arguments: [requestID]) == nil else {
      throw CocoonError(.requestState, "request \(requestID) is already known; request IDs must be unique")
    }
    try db.execute(
      sql: "INSERT INTO request (id, client, status, maxCost) VALUES (?, ?, 'reserved', ?)",
      arguments: [requestID, client, try maxCost.sqlValue()])
    try db.execute(
      sql: "UPDATE client SET reserved = reserved + ? WHERE address = ?",
      arguments: [try maxCost.sqlValue(), client])
    try Self.advance(db, event: ["reserve", requestID, client, "\(maxCost.rawValue)"])
  }

  /// Settles a reserved request: charges the client the real cost (at most the reservation), credits the node,
  /// releases the rest, and returns the two new vouchers once the transaction has committed.
  ///
  /// Cost = ``Prices/cost(of:coefficient:)`` capped at the reserved maximum; the node's earning =
  /// ``Prices/nodeEarning(of:coefficient:)`` capped at the cost. When it throws, nothing changed and the request
  /// is still reserved (release it).
  /// - Parameter coefficient: the node's price coefficient in basis points.
  public func settle(
    requestID: String, usage: TokenUsage, node: String, coefficient: UInt64 = Prices.basisPointsPerUnit
  ) async throws -> Settlement {
    let report = UsageReport(requestID: requestID, usage: usage, node: node, coefficient: coefficient)
    let prices = currentPrices
    let signer = VoucherSigner(key: self.signer, bytes: voucherSigningBytes)
    let network = self.network
    return try await pool.write { db in
      try Self.settle(report, prices: prices, signer: signer, network: network, in: db)
    }
  }

  static func settle(
    _ report: UsageReport, prices: Prices, signer: VoucherSigner, network: String, in db: Database
  ) throws -> Settlement {
    let (requestID, usage, node) = (report.requestID, report.usage, report.node)
    let priced = try prices.cost(of: usage, coefficient: report.coefficient)
    let earned = try prices.nodeEarning(of: usage, coefficient: report.coefficient)
    let request = try Self.request(requestID, in: db)
    let cost = min(priced, request.maxCost)
    let nodeEarning = min(earned, cost)
    let client = try Self.client(request.client, in: db)
    let charged = try client.charged.adding(cost)
    let clientVoucher = try PaymentVoucher(
      kind: .clientCharge, network: network, coordinator: signer.address, counterparty: client.address,
      sequence: client.voucherSequence + 1, amount: charged
    ).signed(by: signer)
    try db.execute(
      sql: """
        UPDATE client SET reserved = reserved - ?, charged = ?, tokens = tokens + ?, voucherSequence = ?,
          lastVoucher = ?
        WHERE address = ?
        """,
      arguments: [
        try request.maxCost.sqlValue(), try charged.sqlValue(), usage.totalTokens, clientVoucher.sequence,
        try JSONEncoder().encode(clientVoucher), client.address,
      ])
    let nodeState = try Self.node(node, in: db)
    let nodeVoucher = try PaymentVoucher(
      kind: .nodeEarning, network: network, coordinator: signer.address, counterparty: node,
      sequence: nodeState.voucherSequence + 1, amount: try nodeState.earned.adding(nodeEarning)
    ).signed(by: signer)
    try db.execute(
      sql: """
        INSERT INTO node (address, earned, tokens, voucherSequence, lastVoucher) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(address) DO UPDATE SET earned = excluded.earned, tokens = tokens + excluded.tokens,
          voucherSequence = excluded.voucherSequence, lastVoucher = excluded.lastVoucher
        """,
      arguments: [
        node, try nodeVoucher.amount.sqlValue(), usage.totalTokens, nodeVoucher.sequence,
        try JSONEncoder().encode(nodeVoucher),
      ])
    try db.execute(
      sql: """
        UPDATE request SET status = 'settled', node = ?, cost = ?, nodeEarning = ?, promptTokens = ?,
          cachedTokens = ?, completionTokens = ?, reasoningTokens = ? WHERE id = ?
        """,
      arguments: [
        node, try cost.sqlValue(), try nodeEarning.sqlValue(), usage.promptTokens, usage.cachedTokens,
        usage.completionTokens, usage.reasoningTokens, requestID,
      ])
    try Self.advance(
      db, event: ["settle", requestID, client.address, node, "\(cost.rawValue)", "\(nodeEarning.rawValue)"])
    return Settlement(
      requestID: requestID, cost: cost, nodeEarning: nodeEarning, clientVoucher: clientVoucher,
      nodeVoucher: nodeVoucher)
  }

  /// Releases a reserved request that will not be charged (the node failed, the client went away).
  public func release(requestID: String) async throws {
    try await pool.write { db in
      let request = try Self.request(requestID, in: db)
      try Self.releaseReservation(request, in: db)
    }
  }

  /// Releases every reservation left by a previous run (a crash between reserve and settle); returns how many.
  /// Call on start, before serving.
  @discardableResult
  public func recoverInterrupted() async throws -> Int {
    try await pool.write { db in
      let ids = try String.fetchAll(db, sql: "SELECT id FROM request WHERE status = 'reserved' ORDER BY id")
      for id in ids { try Self.releaseReservation(try Self.request(id, in: db), in: db) }
      return ids.count
    }
  }

  private static func releaseReservation(_ request: RequestRecord, in db: Database) throws {
    try db.execute(sql: "UPDATE request SET status = 'released' WHERE id = ?", arguments: [request.id])
    try db.execute(
      sql: "UPDATE client SET reserved = reserved - ? WHERE address = ?",
      arguments: [try request.maxCost.sqlValue(), request.client])
    try advance(db, event: ["release", request.id])
  }

  /// Extends the state chain by one change.
  static func advance(_ db: Database, event: [String]) throws {
    guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM state WHERE id = 1") else {
      throw CocoonError(.io, "the accounting database has no state row; it is damaged")
    }
    let sequence: Int64 = row["sequence"]
    var hasher = SHA256()
    hasher.update(data: row["hash"] as Data)
    for part in event {
      hasher.update(data: Data(part.utf8))
      hasher.update(data: Data([0]))
    }
    let hash = Data(hasher.finalize())
    try db.execute(sql: "UPDATE state SET sequence = ?, hash = ? WHERE id = 1", arguments: [sequence + 1, hash])
    try db.execute(sql: "INSERT INTO stateLog (sequence, hash) VALUES (?, ?)", arguments: [sequence + 1, hash])
  }
}
