import BigInt
import CocoonAccounting
import CocoonCore
import Foundation
import TON
import TONCenter

/// Sends one party's wallet orders, one at a time, journaled and confirmed.
///
/// Every order is written to the journal before it is sent and cleared once confirmed or once it can no longer
/// apply (past its `valid_until` with the wallet's seqno unchanged). The next operation settles a journaled order
/// first; a repeated call with the same key completes the journaled order instead of sending another one. A wallet
/// applies an order at most once (seqno), so re-sending the journaled message is harmless.
actor TONWalletSender {
  let center: TONCenterClient
  let reader: TONChainReader
  let key: TONLedgerKey
  let journal: TONSendJournal
  let preset: TONNetworkPreset

  init(center: TONCenterClient, key: TONLedgerKey, journal: TONSendJournal, preset: TONNetworkPreset) {
    self.center = center
    reader = TONChainReader(center: center)
    self.key = key
    self.journal = journal
    self.preset = preset
  }

  /// Sends `value` to `destination` with the body `body(queryID)` (and `stateInit` to deploy it), and returns the
  /// destination's transaction.
  /// - Parameters:
  ///   - operationKey: identifies the operation (see ``PendingOrder/key``).
  ///   - stopAfterSending: leaves the order journaled and unconfirmed (what a crash right after sending leaves).
  /// - Throws: ``CocoonError`` `.insufficientFunds` when the wallet cannot pay, `.unavailable` when the order is not
  ///   confirmed in time (it stays journaled).
  func send(
    operationKey: String, destination: Address, value: BigUInt, stateInit: StateInit? = nil,
    body: @Sendable (UInt64) throws -> Cell?, stopAfterSending: Bool = false
  ) async throws -> TransactionInfo? {
    if let pending = try journal.load() {
      let outcome = try await settle(pending)
      try journal.clear()
      if pending.key == operationKey, let outcome { return try await destinationTransaction(outcome, pending) }
    }
    let seqno = try await reader.call { try await center.seqno(key.walletAddress) }
    let queryID = UInt64.random(in: 1...UInt64.max)
    let message = InternalMessage(
      destination: destination, value: value, bounce: true, body: try body(queryID), stateInit: stateInit)
    let validUntil = UInt32(Date().timeIntervalSince1970) + preset.orderLifetime
    let transfer = WalletTransfer(seqno: seqno, validUntil: validUntil, messages: [(message, .standard)])
    let external = try key.wallet.externalMessage(transfer, keyPair: key.keyPair).cell()
    let order = PendingOrder(
      key: operationKey, seqno: seqno, validUntil: validUntil, queryID: queryID, message: external.toBoCBase64(),
      destination: destination.raw)
    try journal.save(order)
    var sendError: (any Error)?
    do { try await center.sendBoc(external) } catch { sendError = error }
    if stopAfterSending { return nil }
    guard let applied = try await settle(order) else {
      try journal.clear()
      throw CocoonError(
        .unavailable, "the wallet \(key.address) did not accept the order (\(sendError.map { "\($0)" } ?? "expired"))")
    }
    let transaction = try await destinationTransaction(applied, order)
    try journal.clear()
    return transaction
  }

  /// Waits until `order` applied (its wallet transaction) or can no longer apply (nil), re-sending it meanwhile.
  private func settle(_ order: PendingOrder) async throws -> TransactionInfo? {
    let external = try Cell.fromBoC(order.message)
    let deadline = Date().addingTimeInterval(preset.confirmationTimeout)
    while true {
      if let applied = try await reader.transaction(on: key.walletAddress, inbound: external.hash) { return applied }
      let seqno = try await reader.call { try await center.seqno(key.walletAddress) }
      if seqno > order.seqno { return nil }  // the seqno was used by another order of this key
      if UInt32(Date().timeIntervalSince1970) > order.validUntil + 5 { return nil }
      guard Date() < deadline else {
        throw CocoonError(
          .unavailable,
          "wallet order \(order.key) was not confirmed within \(Int(preset.confirmationTimeout)) s; it stays "
            + "journaled in \(journal.path) and is settled by the next operation"
        )
      }
      try? await center.sendBoc(external)
      try await Task.sleep(for: .seconds(preset.pollInterval))
    }
  }

  /// The destination's transaction caused by the wallet transaction `applied`.
  private func destinationTransaction(_ applied: TransactionInfo, _ order: PendingOrder) async throws -> TransactionInfo
  {
    guard let outbound = applied.outMessages.first else {
      throw CocoonError(
        .insufficientFunds, "the wallet \(key.address) could not pay for \(order.key) (no message left it); fund it")
    }
    let destination = try Address(order.destination)
    let deadline = Date().addingTimeInterval(preset.confirmationTimeout)
    while true {
      if let done = try await reader.transaction(on: destination, inbound: outbound.hash) { return done }
      guard Date() < deadline else {
        throw CocoonError(.unavailable, "the contract \(order.destination) did not process \(order.key) in time")
      }
      try await Task.sleep(for: .seconds(preset.pollInterval))
    }
  }

  /// The pending order, if any (for status and tests).
  func pendingOrder() throws -> PendingOrder? { try journal.load() }
}
