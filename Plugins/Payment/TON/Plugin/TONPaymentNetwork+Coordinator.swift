import BigInt
import CocoonAccounting
public import CocoonCore
import CocoonTONContracts
import Foundation
import TON

extension TONPaymentNetwork {
  /// Deploys this coordinator's contract with its stake (once) and lists it in the registry under its key.
  public func registerCoordinator(endpoint: String) async throws {
    let registry = try await rootRegistry()
    let own = try await coordinatorContract(key.address)
    if !(try await reader.isActive(own.address)) {
      let minimum = UInt64(exactly: registry.parameters.minimumCoordinatorStake) ?? 0
      let stake = BigUInt(coordinatorStake ?? max(minimum, 1_000_000_000))
      try await perform(
        "coordinator-deploy", to: own.address, value: stake + Self.operationValue,
        stateInit: try own.state.stateInit()
      ) { try ContractBody.amount(ContractOp.coordinatorAddStake, stake, queryID: $0) }
    }
    let entry = Registry.Coordinator(publicKey: key.keyPair.publicKey, contract: own.address, endpoint: endpoint)
    guard !registry.coordinators.contains(entry) else { return }
    for attempt in 1...3 {  // another update may take the same root sequence first: read again and retry
      do {
        return try await updateRegistry { registry in
          registry.coordinators.removeAll { $0.publicKey == entry.publicKey }
          registry.coordinators.append(entry)
        }
      } catch let error as CocoonError where error.code == .unavailable && attempt < 3 && root?.owner != nil {
        try await Task.sleep(for: .seconds(preset.pollInterval))
      }
    }
  }

  /// The coordinator contract's funds. `balance` is what clients paid in and nodes have not claimed; the per-client
  /// and per-node maps are empty (the chain does not index them; read ``clientAccount(client:coordinator:)`` and
  /// ``nodeEarnings(node:coordinator:)`` per party).
  public func coordinatorAccount(coordinator: String) async throws -> CoordinatorAccount {
    let contract = try await coordinatorContract(coordinator)
    guard try await reader.isActive(contract.address) else {
      return CoordinatorAccount(balance: .zero, closed: false, clients: [:], nodePayouts: [:])
    }
    let state = try await coordinatorState(at: contract.address).state
    let unclaimed = state.earned > state.paid ? state.earned - state.paid : 0
    return CoordinatorAccount(balance: try Self.nano(unclaimed), closed: state.closed, clients: [:], nodePayouts: [:])
  }

  public func closeCoordinator(coordinator: String, vouchedNodeEarnings: NanoAmount) async throws {
    _ = try requireSelf(coordinator)
    let contract = try await coordinatorContract(coordinator)
    let vouched = BigUInt(vouchedNodeEarnings.rawValue)
    try await perform("coordinator-close:\(vouched)", to: contract.address, value: Self.operationValue) {
      try ContractBody.amount(ContractOp.coordinatorClose, vouched, queryID: $0)
    }
  }

  /// Commits `checkpoint` to this coordinator's contract. The contract checks a signature over its own payload, so
  /// this process (which holds the coordinator's key) checks the given signature and signs the payload; the given
  /// checkpoint is kept beside the journal so ``lastCheckpoint(coordinator:)`` can return its signature.
  public func commit(_ checkpoint: Checkpoint, coordinator: String) async throws {
    _ = try requireSelf(coordinator)
    guard
      Ed25519LedgerKey.isValid(
        signature: checkpoint.signature, of: checkpoint.signingBytes(network: networkID, coordinator: key.address),
        publicKey: key.publicKey)
    else { throw CocoonError(.badSignature, "the checkpoint is not signed by this coordinator's key") }
    let contract = try await coordinatorContract(coordinator)
    let payload = try SignedPayload.checkpoint(
      contract: contract.address, globalID: globalID, sequence: checkpoint.sequence,
      stateHash: [UInt8](checkpoint.stateHash))
    let signature = try payload.signature(by: key.keyPair)
    try saveCheckpoint(checkpoint, contract: contract.address)
    try await perform("checkpoint:\(checkpoint.sequence)", to: contract.address, value: Self.operationValue) {
      try payload.body(op: ContractOp.coordinatorCheckpoint, queryID: $0, signature: signature)
    }
  }

  /// The contract's last checkpoint. Its signature is the one given to ``commit(_:coordinator:)`` when this
  /// process committed it, else empty (the chain keeps only the sequence and state hash).
  public func lastCheckpoint(coordinator: String) async throws -> Checkpoint? {
    let contract = try await coordinatorContract(coordinator)
    guard try await reader.isActive(contract.address) else { return nil }
    let state = try await coordinatorState(at: contract.address).state
    guard state.checkpointSequence > 0 else { return nil }
    let onChain = Checkpoint(
      sequence: state.checkpointSequence, stateHash: Data(state.checkpointHash), signature: Data())
    if let saved = loadCheckpoint(contract: contract.address), saved.sequence == onChain.sequence,
      saved.stateHash == onChain.stateHash
    {
      return saved
    }
    return onChain
  }

  private func checkpointPath(_ contract: Address) -> String {
    stateDirectory + "/checkpoint-\(contract.hash.hexString).json"
  }

  private func saveCheckpoint(_ checkpoint: Checkpoint, contract: Address) throws {
    do {
      try JSONEncoder().encode(checkpoint).write(to: URL(fileURLWithPath: checkpointPath(contract)), options: .atomic)
    } catch { throw CocoonError(.io, "cannot write \(checkpointPath(contract))") }
  }

  private func loadCheckpoint(contract: Address) -> Checkpoint? {
    FileManager.default.contents(atPath: checkpointPath(contract)).flatMap {
      try? JSONDecoder().decode(Checkpoint.self, from: $0)
    }
  }
}
