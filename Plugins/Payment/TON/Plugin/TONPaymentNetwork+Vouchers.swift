import BigInt
import CocoonAccounting
public import CocoonCore
import CocoonTONContracts
public import Foundation
import TON

extension TONPaymentNetwork {
  /// The 32-byte hash of the contracts' signed payload for `voucher` (what their signature check covers); the
  /// generic ``PaymentVoucher/signingBytes`` for a voucher of another network (which ``submit(_:)`` refuses anyway).
  public func voucherSigningBytes(_ voucher: PaymentVoucher) async throws -> Data {
    guard voucher.network == networkID else { return voucher.signingBytes }
    return Data(try await payload(for: voucher).payload.cell.hash)
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

  /// The contract a voucher settles on and the payload the coordinator signs for it.
  func payload(for voucher: PaymentVoucher) async throws
    -> (payload: SignedPayload, contract: Address, stateInit: StateInit?, coordinator: CoordinatorRef)
  {
    let coordinator = try await coordinatorContract(voucher.coordinator)
    let amount = BigUInt(voucher.amount.rawValue)
    switch voucher.kind {
    case .clientCharge, .finalCharge:
      let contract = try await openedClientContract(client: voucher.counterparty, coordinator: voucher.coordinator)
      let kind: SignedPayload.Kind = voucher.kind == .clientCharge ? .charge : .finalCharge
      let payload = try SignedPayload.voucher(
        kind, contract: contract.address, globalID: globalID, sequence: voucher.sequence, amount: amount)
      return (payload, contract.address, nil, coordinator)
    case .nodeEarning:
      let contract = try nodeContract(node: voucher.counterparty, coordinator: coordinator)
      let deployed = try await reader.isActive(contract.address)
      let payload = try SignedPayload.voucher(
        .payout, contract: contract.address, globalID: globalID, sequence: voucher.sequence, amount: amount)
      return (payload, contract.address, deployed ? nil : contract.stateInit, coordinator)
    }
  }

  func nodeContract(node: String, coordinator: CoordinatorRef) throws -> (address: Address, stateInit: StateInit) {
    let stateInit = try coordinator.state.node(owner: try Self.address(node), coordinatorAddress: coordinator.address)
      .stateInit()
    return (try stateInit.address(), stateInit)
  }
}
