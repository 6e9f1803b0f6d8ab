import BigInt
import CocoonAccounting
public import CocoonCore
import CocoonTONContracts
import Foundation
import TON

/// A client contract generation of one client × coordinator.
struct ClientContractRef: Sendable {
  var address: Address
  /// The state it is (or would be) deployed with.
  var initial: ClientContractState
  /// Its current state, nil when not deployed.
  var current: ClientContractState?
}

extension TONPaymentNetwork {
  public func clientAccount(client: String, coordinator: String) async throws -> ClientAccount {
    guard let state = try await latestClientContract(client: client, coordinator: coordinator)?.current else {
      return ClientAccount(balance: .zero, stake: .zero, charged: .zero)
    }
    return ClientAccount(
      balance: try Self.nano(state.balance), stake: try Self.nano(state.stake), charged: try Self.nano(state.charged),
      unlockTime: state.phase == .closing ? Date(timeIntervalSince1970: TimeInterval(state.unlockTime)) : nil,
      closed: state.phase == .closed)
  }

  /// Tops the client contract up, deploying it (the next generation once the last one closed) on first deposit.
  public func deposit(client: String, coordinator: String, amount: NanoAmount) async throws {
    _ = try requireSelf(client)
    let coordinatorRef = try await coordinatorContract(coordinator)
    var target = try clientContract(client: client, coordinator: coordinatorRef, generation: 0)
    if let latest = try await latestClientContract(client: client, coordinator: coordinator) {
      target = latest
      if latest.current?.phase == .closed {
        target = try clientContract(
          client: client, coordinator: coordinatorRef, generation: latest.initial.generation + 1)
      }
    }
    let value = BigUInt(amount.rawValue)
    try await perform(
      "top-up:\(amount.rawValue)", to: target.address, value: value + Self.operationValue,
      stateInit: target.current == nil ? try target.initial.stateInit() : nil
    ) { try ContractBody.amount(ContractOp.clientTopUp, value, queryID: $0) }
    cache.remember(generation: target.initial.generation, Self.pair(client, coordinator))
  }

  public func increaseStake(client: String, coordinator: String, amount: NanoAmount) async throws {
    try await ownerOperation("increase-stake", ContractOp.clientIncreaseStake, client, coordinator, amount)
  }

  public func withdraw(client: String, coordinator: String, amount: NanoAmount) async throws {
    try await ownerOperation("withdraw", ContractOp.clientWithdraw, client, coordinator, amount)
  }

  public func close(client: String, coordinator: String) async throws {
    _ = try requireSelf(client)
    let contract = try await openedClientContract(client: client, coordinator: coordinator)
    try await perform("close", to: contract.address, value: Self.operationValue) {
      try ContractBody.plain(ContractOp.clientClose, queryID: $0)
    }
  }

  /// Closes the client contract at once with the coordinator's co-signed final charge.
  public func close(client: String, coordinator: String, finalCharge: PaymentVoucher) async throws {
    _ = try requireSelf(client)
    guard finalCharge.kind == .finalCharge, try Self.address(finalCharge.counterparty) == key.walletAddress else {
      throw CocoonError(.wrongBinding, "a cooperative close takes a final-charge voucher for this client")
    }
    let signed = try await signedVoucher(finalCharge)
    try await perform("close-final:\(finalCharge.sequence)", to: signed.contract, value: Self.operationValue) {
      try signed.payload.body(op: ContractOp.clientCloseFinal, queryID: $0, signature: [UInt8](finalCharge.signature))
    }
  }

  private func ownerOperation(
    _ name: String, _ op: UInt32, _ client: String, _ coordinator: String, _ amount: NanoAmount
  ) async throws {
    _ = try requireSelf(client)
    let contract = try await openedClientContract(client: client, coordinator: coordinator)
    let value = BigUInt(amount.rawValue)
    try await perform("\(name):\(amount.rawValue)", to: contract.address, value: Self.operationValue) {
      try ContractBody.amount(op, value, queryID: $0)
    }
  }

  /// The latest deployed client contract, or an error saying there is none.
  func openedClientContract(client: String, coordinator: String) async throws -> ClientContractRef {
    guard let contract = try await latestClientContract(client: client, coordinator: coordinator),
      contract.current != nil
    else {
      throw CocoonError(
        .insufficientFunds, "client \(client) has no account with coordinator \(coordinator) yet: deposit first")
    }
    return contract
  }

  /// The highest deployed generation of the client contract (closed or not); nil when none is deployed.
  func latestClientContract(client: String, coordinator: String) async throws -> ClientContractRef? {
    let coordinatorRef = try await coordinatorContract(coordinator)
    let pair = Self.pair(client, coordinator)
    var generation = cache.generation(pair)
    var latest: ClientContractRef?
    while true {
      var candidate = try clientContract(client: client, coordinator: coordinatorRef, generation: generation)
      guard try await reader.isActive(candidate.address) else { break }
      candidate.current = try ClientContractState(stack: try await reader.get(candidate.address, "get_client_state"))
      latest = candidate
      cache.remember(generation: generation, pair)
      guard candidate.current?.phase == .closed else { break }
      generation += 1
    }
    return latest
  }

  func clientContract(client: String, coordinator: CoordinatorRef, generation: UInt32) throws -> ClientContractRef {
    let initial = coordinator.state.client(
      owner: try Self.address(client), coordinatorAddress: coordinator.address, generation: generation)
    return ClientContractRef(address: try initial.stateInit().address(), initial: initial, current: nil)
  }

  static func pair(_ client: String, _ coordinator: String) -> String {
    ((try? address(client).raw) ?? client) + "|" + ((try? address(coordinator).raw) ?? coordinator)
  }
}
