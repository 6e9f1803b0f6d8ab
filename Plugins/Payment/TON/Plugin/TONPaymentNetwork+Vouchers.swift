import BigInt
import CocoonAccounting
public import CocoonCore
import CocoonTONContracts
public import Foundation
import TON

extension TONPaymentNetwork {
  /// The 32-byte hash of the contracts' signed payload for `voucher` (what their signature check covers); the
  /// generic ``PaymentVoucher/signingBytes`` for a voucher of another network (which ``submit(_:)`` refuses anyway).
  ///
  /// It reads no chain: the coordinator contract must be known to this process (``registerCoordinator(endpoint:)``
  /// or any read with that coordinator), and a client charge applies to the latest client contract generation
  /// this process has seen (0 unless it read the client's account after a reopening).
  /// - Throws: ``CocoonError`` `.unavailable` when the coordinator contract is not known yet.
  public func voucherSigningBytes(_ voucher: PaymentVoucher) throws -> Data {
    guard voucher.network == networkID else { return voucher.signingBytes }
    guard let coordinator = cache.coordinator(try Self.address(voucher.coordinator)) else {
      throw CocoonError(
        .unavailable,
        "the contract of coordinator \(voucher.coordinator) is not known to this process yet: register it "
          + "(registerCoordinator) or read an account with it first")
    }
    let generation = cache.generation(Self.pair(voucher.counterparty, voucher.coordinator))
    return Data(try payload(for: voucher, coordinator: coordinator, generation: generation).payload.cell.hash)
  }

  /// Submits a charge (to the client contract) or a payout (to the node contract, deployed on the first payout),
  /// from this party's wallet.
  public func submit(_ voucher: PaymentVoucher) async throws {
    let signed = try await signedVoucher(voucher)
    let op: UInt32
    switch voucher.kind {
    case .clientCharge: op = ContractOp.clientCharge
    case .nodeEarning: op = ContractOp.nodePayout
    case .finalCharge:
      throw CocoonError(
        .invalidArgument, "a final charge is submitted by the client with close(client:coordinator:finalCharge:)")
    }
    let signature = [UInt8](voucher.signature)
    try await perform(
      "\(voucher.kind.rawValue):\(voucher.sequence)", to: signed.contract, value: Self.operationValue,
      stateInit: signed.stateInit
    ) { try signed.payload.body(op: op, queryID: $0, signature: signature) }
  }

  public func nodeEarnings(node: String, coordinator: String) async throws -> NanoAmount {
    let contract = try nodeContract(node: node, coordinator: try await coordinatorContract(coordinator))
    guard try await reader.isActive(contract.address) else { return .zero }
    return try Self.nano(try NodeContractState(stack: try await reader.get(contract.address, "get_node_state")).paid)
  }

  /// The voucher's payload and contract, after the checks that need no message: network, coordinator and signature.
  func signedVoucher(_ voucher: PaymentVoucher) async throws
    -> (payload: SignedPayload, contract: Address, stateInit: StateInit?)
  {
    guard voucher.network == networkID else {
      throw CocoonError(.wrongBinding, "voucher is for network '\(voucher.network)'; this ledger is '\(networkID)'")
    }
    let found = try await payload(for: voucher)
    guard
      voucher.signature.count == 64,
      KeyPair.verify(
        signature: [UInt8](voucher.signature), message: found.payload.cell.hash, publicKey: found.coordinator.state.key)
    else {
      throw CocoonError(
        .badSignature, "voucher signature does not verify under coordinator \(voucher.coordinator)'s key")
    }
    return (found.payload, found.contract, found.stateInit)
  }

  /// The contract a voucher settles on and the payload the coordinator signs for it, read from the chain (and so
  /// brings this process's cache up to date).
  func payload(for voucher: PaymentVoucher) async throws
    -> (payload: SignedPayload, contract: Address, stateInit: StateInit?, coordinator: CoordinatorRef)
  {
    let coordinator = try await coordinatorContract(voucher.coordinator)
    var generation: UInt32 = 0
    if voucher.kind != .nodeEarning {
      let contract = try await openedClientContract(client: voucher.counterparty, coordinator: voucher.coordinator)
      generation = contract.initial.generation
    }
    let found = try payload(for: voucher, coordinator: coordinator, generation: generation)
    var deployed = true
    if voucher.kind == .nodeEarning { deployed = try await reader.isActive(found.contract) }
    return (found.payload, found.contract, deployed ? nil : found.stateInit, coordinator)
  }

  /// The payload of `voucher` for the client contract `generation` or the node contract of `coordinator`.
  func payload(for voucher: PaymentVoucher, coordinator: CoordinatorRef, generation: UInt32) throws
    -> (payload: SignedPayload, contract: Address, stateInit: StateInit)
  {
    let (kind, contract, stateInit): (SignedPayload.Kind, Address, StateInit)
    switch voucher.kind {
    case .clientCharge, .finalCharge:
      let client = try clientContract(client: voucher.counterparty, coordinator: coordinator, generation: generation)
      (kind, contract, stateInit) = (
        voucher.kind == .clientCharge ? .charge : .finalCharge, client.address, try client.initial.stateInit()
      )
    case .nodeEarning:
      let node = try nodeContract(node: voucher.counterparty, coordinator: coordinator)
      (kind, contract, stateInit) = (.payout, node.address, node.stateInit)
    }
    let payload = try SignedPayload.voucher(
      kind, contract: contract, globalID: globalID, sequence: voucher.sequence,
      amount: BigUInt(voucher.amount.rawValue))
    return (payload, contract, stateInit)
  }

  func nodeContract(node: String, coordinator: CoordinatorRef) throws -> (address: Address, stateInit: StateInit) {
    let stateInit = try coordinator.state.node(owner: try Self.address(node), coordinatorAddress: coordinator.address)
      .stateInit()
    return (try stateInit.address(), stateInit)
  }
}
