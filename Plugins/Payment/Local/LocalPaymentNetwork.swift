public import CocoonCore
import CocoonAccounting
import Foundation

/// The ``PaymentNetwork`` of one party on a ``LocalLedger``: reads anything; signs and sends operations with the
/// party's key, and refuses to act for another address.
public struct LocalPaymentNetwork: PaymentNetwork {
  public let ledger: LocalLedger
  private let identity: any LedgerSigner

  public init(ledger: LocalLedger, signer: any LedgerSigner) {
    self.ledger = ledger
    self.identity = signer
  }

  public var networkID: String { ledger.networkID }
  public var signer: (any LedgerSigner)? { identity }

  public func registry() async throws -> RegistrySnapshot { try await ledger.registry() }

  public func clientAccount(client: String, coordinator: String) async throws -> ClientAccount {
    try await ledger.clientAccount(client: client, coordinator: coordinator)
  }

  public func deposit(client: String, coordinator: String, amount: NanoAmount) async throws {
    try await send(.deposit, as: client, coordinator: coordinator, amount: amount)
  }

  public func increaseStake(client: String, coordinator: String, amount: NanoAmount) async throws {
    try await send(.increaseStake, as: client, coordinator: coordinator, amount: amount)
  }

  public func withdraw(client: String, coordinator: String, amount: NanoAmount) async throws {
    try await send(.withdraw, as: client, coordinator: coordinator, amount: amount)
  }

  public func close(client: String, coordinator: String) async throws {
    try await send(.close, as: client, coordinator: coordinator, amount: .zero)
  }

  public func close(client: String, coordinator: String, finalCharge: PaymentVoucher) async throws {
    let operation = try await signed(.close, as: client, coordinator: coordinator, amount: .zero, text: "")
    try await ledger.cooperativeClose(operation, finalCharge: finalCharge)
  }

  public func submit(_ voucher: PaymentVoucher) async throws { try await ledger.submit(voucher) }

  public func nodeEarnings(node: String, coordinator: String) async throws -> NanoAmount {
    try await ledger.nodeEarnings(node: node, coordinator: coordinator)
  }

  public func commit(_ checkpoint: Checkpoint, coordinator: String) async throws {
    try await ledger.commit(checkpoint, coordinator: coordinator)
  }

  public func lastCheckpoint(coordinator: String) async throws -> Checkpoint? {
    try await ledger.lastCheckpoint(coordinator: coordinator)
  }

  public func registerCoordinator(endpoint: String) async throws {
    try await send(.registerCoordinator, as: identity.address, coordinator: identity.address, text: endpoint)
  }

  public func coordinatorAccount(coordinator: String) async throws -> CoordinatorAccount {
    try await ledger.coordinatorAccount(coordinator: coordinator)
  }

  public func closeCoordinator(coordinator: String, vouchedNodeEarnings: NanoAmount) async throws {
    try await send(.closeCoordinator, as: coordinator, coordinator: coordinator, amount: vouchedNodeEarnings)
  }

  public func walletBalance(address: String) async throws -> NanoAmount {
    try await ledger.walletBalance(address: address)
  }

  private func send(
    _ name: LedgerOperation.Name, as actor: String, coordinator: String, amount: NanoAmount = .zero, text: String = ""
  ) async throws {
    do {
      try await ledger.apply(try await signed(name, as: actor, coordinator: coordinator, amount: amount, text: text))
    } catch let error as CocoonError where error.code == .operationReplayed {
      // Another process of the same party took the nonce first: sign again with the next one.
      try await ledger.apply(try await signed(name, as: actor, coordinator: coordinator, amount: amount, text: text))
    }
  }

  private func signed(
    _ name: LedgerOperation.Name, as actor: String, coordinator: String, amount: NanoAmount, text: String
  ) async throws -> LedgerOperation {
    guard actor == identity.address else {
      throw CocoonError(
        .badSignature,
        "this process holds the ledger key of \(identity.address); it cannot act for \(actor)")
    }
    let nonce = try await ledger.nonce(of: actor) + 1
    return try LedgerOperation(
      name: name, network: networkID, actor: actor, coordinator: coordinator, amount: amount, text: text, nonce: nonce
    ).signed(by: identity)
  }
}
