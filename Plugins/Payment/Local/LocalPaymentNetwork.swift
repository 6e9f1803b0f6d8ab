public import CocoonCore
import CocoonAccounting
public import Foundation

/// The ``PaymentNetwork`` of one party on a ``LocalLedger``: reads anything; signs and sends operations with the
/// party's key, and refuses to act for another address.
public struct LocalPaymentNetwork: PaymentNetwork {
  public let ledger: LocalLedger
  private let identity: any LedgerSigner
  /// Writes are free on the local ledger: ``SettlementPolicy/immediate`` unless a test batches them as TON does.
  public let settlementPolicy: SettlementPolicy

  public init(ledger: LocalLedger, signer: any LedgerSigner, settlementPolicy: SettlementPolicy = .immediate) {
    self.ledger = ledger
    self.identity = signer
    self.settlementPolicy = settlementPolicy
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
    let build = try builder(.close, as: client, coordinator: coordinator, amount: .zero, text: "")
    try await ledger.cooperativeClose(actor: client, finalCharge: finalCharge, build)
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

  /// On the local ledger an address is the hex of its Ed25519 public key.
  public func isAddress(_ address: String, controlledBy publicKey: Data) async throws -> Bool {
    address == publicKey.hexString
  }

  private func send(
    _ name: LedgerOperation.Name, as actor: String, coordinator: String, amount: NanoAmount = .zero, text: String = ""
  ) async throws {
    try await ledger.apply(nextFor: actor, try builder(name, as: actor, coordinator: coordinator, amount: amount, text: text))
  }

  /// Makes the signed operation for a nonce, after checking this process holds the actor's key.
  private func builder(
    _ name: LedgerOperation.Name, as actor: String, coordinator: String, amount: NanoAmount, text: String
  ) throws -> @Sendable (UInt64) throws -> LedgerOperation {
    guard actor == identity.address else {
      throw CocoonError(
        .badSignature, "this process holds the ledger key of \(identity.address); it cannot act for \(actor)")
    }
    let network = networkID
    let identity = self.identity
    return { nonce in
      try LedgerOperation(
        name: name, network: network, actor: actor, coordinator: coordinator, amount: amount, text: text, nonce: nonce
      ).signed(by: identity)
    }
  }
}
