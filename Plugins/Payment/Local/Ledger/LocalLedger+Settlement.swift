import CocoonAccounting
public import CocoonCore
import Foundation
import GRDB

extension LocalLedger {
  /// Applies a coordinator-signed voucher: a client charge moves the new part of the cumulative charge from the
  /// client's account to the coordinator's; a node earning pays the new part out of the coordinator's account.
  /// Anyone may submit a voucher: it authenticates itself.
  /// - Throws: ``CocoonError``: `wrongBinding`, `badSignature`, `voucherReplayed`, `voucherAmountDecreased`,
  ///   `accountClosed`, `insufficientFunds`. Nothing moves when it throws.
  public func submit(_ voucher: PaymentVoucher) async throws {
    try await pool.write { db in
      switch voucher.kind {
      case .clientCharge: try self.charge(voucher, in: db)
      case .nodeEarning: try self.payout(voucher, in: db)
      case .finalCharge:
        throw CocoonError(
          .wrongBinding, "a final-charge voucher closes an account: the client submits it with its close")
      }
    }
  }

  /// Closes a client's account at once: applies the coordinator's co-signed final charge and returns the rest.
  /// - Parameter build: makes the client's signed `close` from its next nonce.
  public func cooperativeClose(
    actor: String, finalCharge: PaymentVoucher, _ build: @escaping @Sendable (UInt64) throws -> LedgerOperation
  ) async throws {
    try await pool.write { db in
      let operation = try build(try self.lastNonce(of: actor, in: db) + 1)
      try self.authenticate(operation, in: db)
      guard operation.name == .close, finalCharge.kind == .finalCharge, finalCharge.counterparty == operation.actor,
        finalCharge.coordinator == operation.coordinator
      else {
        throw CocoonError(
          .wrongBinding, "a cooperative close needs the client's close and a final-charge voucher for the same account")
      }
      try self.charge(finalCharge, in: db)
      guard let row = try Self.clientRow(operation.actor, operation.coordinator, in: db) else { return }
      try db.execute(
        sql: "UPDATE clientAccount SET balance = 0, stake = 0, closed = 1 WHERE client = ? AND coordinator = ?",
        arguments: [operation.actor, operation.coordinator])
      try Self.creditWallet(operation.actor, row.balance, in: db)
      try self.journal("cooperative-close", actor: operation.actor, coordinator: operation.coordinator, amount: row.balance, in: db)
    }
  }

  /// Records a coordinator's checkpoint.
  /// - Throws: ``CocoonError`` `badSignature`, or `voucherReplayed` when the sequence does not increase.
  public func commit(_ checkpoint: Checkpoint, coordinator: String) async throws {
    try await pool.write { db in
      let row = try Self.coordinatorRow(coordinator, in: db)
      guard let key = Data(exactHex: coordinator),
        Ed25519LedgerKey.isValid(
          signature: checkpoint.signature,
          of: checkpoint.signingBytes(network: self.networkID, coordinator: coordinator), publicKey: key)
      else {
        throw CocoonError(.badSignature, "checkpoint is not signed by coordinator \(coordinator)'s key for this ledger")
      }
      if let last = row["checkpointSequence"] as Int64?, Int64(exactly: checkpoint.sequence) ?? .max <= last {
        throw CocoonError(
          .voucherReplayed, "checkpoint sequence \(checkpoint.sequence) is not above the last committed \(last)")
      }
      try db.execute(
        sql: """
          UPDATE coordinator SET checkpointSequence = ?, checkpointHash = ?, checkpointSignature = ? WHERE address = ?
          """,
        arguments: [Int64(checkpoint.sequence), checkpoint.stateHash, checkpoint.signature, coordinator])
      try self.journal("checkpoint", actor: coordinator, coordinator: coordinator, amount: .zero, in: db)
    }
  }

  /// The expectation every voucher of `coordinator` must meet here.
  private func expectation(for voucher: PaymentVoucher, in db: Database) throws -> VoucherVerifier.Expectation {
    let row = try Self.coordinatorRow(voucher.coordinator, in: db)
    guard !(row["closed"] as Bool) else {
      throw CocoonError(.accountClosed, "coordinator \(voucher.coordinator) has closed; its vouchers are void")
    }
    return VoucherVerifier.Expectation(
      network: networkID, coordinator: voucher.coordinator, coordinatorKey: Data(exactHex: voucher.coordinator) ?? Data())
  }

  private func charge(_ voucher: PaymentVoucher, in db: Database) throws {
    let expected = try expectation(for: voucher, in: db)
    guard let row = try Self.clientRow(voucher.counterparty, voucher.coordinator, in: db) else {
      throw CocoonError(.insufficientFunds, "client \(voucher.counterparty) has no account with this coordinator")
    }
    guard !row.closed else {
      throw CocoonError(.accountClosed, "client \(voucher.counterparty)'s account is closed; the voucher is void")
    }
    let previous = PaymentVoucher(
      kind: voucher.kind, network: networkID, coordinator: voucher.coordinator, counterparty: voucher.counterparty,
      sequence: row.chargeSequence, amount: row.charged)
    try VoucherVerifier.verify(voucher, expected, after: previous)
    let delta = try voucher.amount.subtracting(row.charged)
    guard delta <= row.balance else {
      throw CocoonError(
        .insufficientFunds,
        "voucher charges \(delta) more but client \(voucher.counterparty) holds only \(row.balance)")
    }
    let balance = try row.balance.subtracting(delta)
    try db.execute(
      sql: """
        UPDATE clientAccount SET balance = ?, stake = ?, charged = ?, chargeSequence = ?
        WHERE client = ? AND coordinator = ?
        """,
      arguments: [
        try balance.sqlValue(), try min(row.stake, balance).sqlValue(), try voucher.amount.sqlValue(),
        Int64(voucher.sequence), voucher.counterparty, voucher.coordinator,
      ])
    try db.execute(
      sql: "UPDATE coordinator SET balance = balance + ? WHERE address = ?",
      arguments: [try delta.sqlValue(), voucher.coordinator])
    try journal("charge", actor: voucher.counterparty, coordinator: voucher.coordinator, amount: delta, in: db)
  }

  private func payout(_ voucher: PaymentVoucher, in db: Database) throws {
    let expected = try expectation(for: voucher, in: db)
    let row = try Row.fetchOne(
      db, sql: "SELECT paid, paidSequence FROM nodeAccount WHERE node = ? AND coordinator = ?",
      arguments: [voucher.counterparty, voucher.coordinator])
    let paid = NanoAmount(sql: row?["paid"] ?? 0)
    let previous = PaymentVoucher(
      kind: .nodeEarning, network: networkID, coordinator: voucher.coordinator, counterparty: voucher.counterparty,
      sequence: UInt64(row?["paidSequence"] ?? 0 as Int64), amount: paid)
    try VoucherVerifier.verify(voucher, expected, after: row == nil ? nil : previous)
    let delta = try voucher.amount.subtracting(paid)
    let coordinatorBalance = NanoAmount(sql: try Self.coordinatorRow(voucher.coordinator, in: db)["balance"])
    guard delta <= coordinatorBalance else {
      throw CocoonError(
        .insufficientFunds,
        "coordinator \(voucher.coordinator) holds \(coordinatorBalance), less than the payout \(delta); "
          + "it must submit its clients' charges first")
    }
    try db.execute(
      sql: """
        INSERT INTO nodeAccount (node, coordinator, paid, paidSequence) VALUES (?, ?, ?, ?)
        ON CONFLICT(node, coordinator) DO UPDATE SET paid = excluded.paid, paidSequence = excluded.paidSequence
        """,
      arguments: [voucher.counterparty, voucher.coordinator, try voucher.amount.sqlValue(), Int64(voucher.sequence)])
    try db.execute(
      sql: "UPDATE coordinator SET balance = balance - ? WHERE address = ?",
      arguments: [try delta.sqlValue(), voucher.coordinator])
    try Self.creditWallet(voucher.counterparty, delta, in: db)
    try journal("payout", actor: voucher.counterparty, coordinator: voucher.coordinator, amount: delta, in: db)
  }

  /// Closes a coordinator: every client account closed, every node paid what it was vouched (`amount`).
  func closeCoordinator(_ operation: LedgerOperation, in db: Database) throws {
    guard operation.actor == operation.coordinator else {
      throw CocoonError(.badSignature, "only coordinator \(operation.coordinator) can close itself")
    }
    let row = try Self.coordinatorRow(operation.coordinator, in: db)
    guard !(row["closed"] as Bool) else { throw CocoonError(.accountClosed, "the coordinator is already closed") }
    let open = try Int.fetchOne(
      db, sql: "SELECT count(*) FROM clientAccount WHERE coordinator = ? AND closed = 0",
      arguments: [operation.coordinator]) ?? 0
    guard open == 0 else {
      throw CocoonError(
        .paymentRefused, "coordinator has \(open) client account(s) still open; they must close first")
    }
    let paid = NanoAmount(
      sql: try Int64.fetchOne(
        db, sql: "SELECT coalesce(sum(paid), 0) FROM nodeAccount WHERE coordinator = ?", arguments: [operation.coordinator]) ?? 0)
    guard paid == operation.amount else {
      throw CocoonError(
        .paymentRefused,
        "nodes were paid \(paid) but the coordinator vouched \(operation.amount); nodes must be paid out first")
    }
    let balance = NanoAmount(sql: row["balance"])
    try db.execute(
      sql: "UPDATE coordinator SET balance = 0, closed = 1 WHERE address = ?", arguments: [operation.coordinator])
    try Self.creditWallet(operation.coordinator, balance, in: db)
  }
}
