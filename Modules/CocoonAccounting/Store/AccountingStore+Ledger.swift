public import CocoonCore
import Foundation
import GRDB

extension AccountingStore {
  /// Records what the ledger says about a client's account (after a deposit, a top-up, a close, or after the
  /// coordinator submitted a voucher), creating the account on first sight.
  ///
  /// - Throws: ``CocoonError`` `rolledBack` when the ledger has accepted more charges than this database ever
  ///   vouched: the database is behind and must not serve.
  public func syncClient(_ address: String, ledger account: ClientAccount) async throws {
    try await pool.write { db in
      let known = try Self.clientIfPresent(address, in: db)
      if let known, account.charged > known.charged {
        throw CocoonError(
          .rolledBack,
          "the ledger holds a charge of \(account.charged) for client \(address) but this database vouched only "
            + "\(known.charged); the database was rolled back")
      }
      try db.execute(
        sql: """
          INSERT INTO client (address, ledgerBalance, stake, closing, submitted) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(address) DO UPDATE SET ledgerBalance = excluded.ledgerBalance, stake = excluded.stake,
            closing = excluded.closing, submitted = excluded.submitted
          """,
        arguments: [
          address, try account.balance.sqlValue(), try account.stake.sqlValue(),
          account.closed || account.unlockTime != nil, try account.charged.sqlValue(),
        ])
      try Self.advance(
        db,
        event: [
          "sync", address, "\(account.balance.rawValue)", "\(account.stake.rawValue)", "\(account.charged.rawValue)",
        ])
    }
  }

  /// A signed checkpoint of the current state, to commit to the ledger.
  public func checkpoint() async throws -> Checkpoint {
    let head = try await head()
    var checkpoint = Checkpoint(sequence: head.sequence, stateHash: head.hash, signature: Data())
    checkpoint.signature = try signer.sign(checkpoint.signingBytes(network: network, coordinator: coordinator))
    return checkpoint
  }

  /// A co-signed final charge that lets `client` close its account at once; refused while it has requests in
  /// flight. Marks the client closing so no new request is admitted.
  public func finalCharge(for client: String) async throws -> PaymentVoucher {
    let signer = VoucherSigner(key: self.signer, bytes: voucherSigningBytes)
    let network = self.network
    return try await pool.write { db in
      let state = try Self.client(client, in: db)
      guard state.reserved == .zero else {
        throw CocoonError(.requestState, "client \(client) has requests in flight; close after they finish")
      }
      let voucher = try PaymentVoucher(
        kind: .finalCharge, network: network, coordinator: signer.address, counterparty: client,
        sequence: state.voucherSequence + 1, amount: state.charged
      ).signed(by: signer)
      try db.execute(
        sql: "UPDATE client SET closing = 1, voucherSequence = ?, lastVoucher = ? WHERE address = ?",
        arguments: [voucher.sequence, try JSONEncoder().encode(voucher), client])
      try Self.advance(db, event: ["final", client, "\(state.charged.rawValue)"])
      return voucher
    }
  }

  /// The state-chain hash recorded at `sequence`, if this database has it.
  func loggedHash(at sequence: UInt64) async throws -> Data? {
    try await pool.read { db in
      try Data.fetchOne(db, sql: "SELECT hash FROM stateLog WHERE sequence = ?", arguments: [Int64(sequence)])
    }
  }
}
