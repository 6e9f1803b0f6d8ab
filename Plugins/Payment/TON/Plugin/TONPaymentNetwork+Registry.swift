import BigInt
public import CocoonCore
import CocoonTONContracts
import Foundation
import TON
import TONCenter
import TONEmulator

extension TONPaymentNetwork {
  /// Reads the registry from the root contract's get-methods; coordinators are listed under their owner wallets.
  public func registry() async throws -> RegistrySnapshot {
    let registry = try await rootRegistry()
    var coordinators: [RegisteredCoordinator] = []
    for entry in registry.coordinators {
      guard let contract = try? await coordinatorState(at: entry.contract), contract.state.key == entry.publicKey
      else { continue }  // listed but not deployed (or another key): not usable
      coordinators.append(
        RegisteredCoordinator(
          publicKey: Data(entry.publicKey), endpoint: entry.endpoint, address: contract.state.owner.raw))
    }
    var images: [Role: Set<Data>] = [:]
    for (measurement, roles) in registry.images {
      for (role, flag) in [(Role.node, Registry.Roles.node), (.coordinator, .coordinator), (.client, .client)]
      where roles.contains(flag) {
        images[role, default: []].insert(Data(measurement))
      }
    }
    let p = registry.parameters
    return RegistrySnapshot(
      allowedImageHashes: images,
      models: registry.models.sorted { $0.key < $1.key }.map {
        RegisteredModel(name: ModelID($0.key), weightsSHA256: $0.value.hexString)
      },
      coordinators: coordinators,
      prices: Prices(
        pricePerToken: p.pricePerToken, nodeFeePerToken: p.nodeFeePerToken,
        promptMultiplier: UInt64(p.promptMultiplier), cachedMultiplier: UInt64(p.cachedMultiplier),
        completionMultiplier: UInt64(p.completionMultiplier), reasoningMultiplier: UInt64(p.reasoningMultiplier)),
      minimumClientStake: try Self.nano(p.minimumClientStake), minimumNodeStake: try Self.nano(p.minimumNodeStake),
      clientCloseDelay: UInt64(p.clientCloseDelay))
  }

  /// The root contract's registry, deploying the root first when this process holds its initial state.
  func rootRegistry() async throws -> Registry {
    let root = try requireRoot()
    if !(try await reader.isActive(root.address)) {
      guard let initial = root.initialState else {
        throw CocoonError(.unavailable, "the registry contract \(root.address.raw) is not deployed on \(preset.name)")
      }
      try await perform("deploy-root", to: root.address, value: BigUInt(200_000_000), stateInit: initial) { _ in nil }
    }
    guard let cell = try await reader.get(root.address, "get_registry").first?.cellValue else {
      throw CocoonError(.unavailable, "get_registry on \(root.address.raw) returned no cell")
    }
    do { return try Registry(cell: cell) } catch {
      throw CocoonError(.unavailable, "the registry contract \(root.address.raw) holds an unreadable registry")
    }
  }

  func requireRoot() throws -> Root {
    guard let root else {
      throw CocoonError(
        .invalidPluginOptions, "\(preset.name) needs root_address (the registry contract) to read the registry")
    }
    return root
  }

  /// Replaces the registry with `change` applied, as its owner (a signed external message to the root).
  func updateRegistry(_ change: (inout Registry) -> Void) async throws {
    let root = try requireRoot()
    guard let owner = root.owner else {
      throw CocoonError(
        .unavailable,
        "only the registry owner can list a coordinator on \(preset.name); give them this coordinator's key "
          + "\(key.publicKey.hexString), its contract and its endpoint"
      )
    }
    var registry = try await rootRegistry()
    change(&registry)
    let sequence: UInt64 =
      try await reader.get(root.address, "seqno").first?.integer.flatMap { UInt64(exactly: $0) } ?? 0
    let payload = try SignedPayload.registryUpdate(
      contract: root.address, globalID: globalID, sequence: sequence + 1,
      validUntil: UInt32(Date().timeIntervalSince1970) + preset.orderLifetime, registry: try registry.cell())
    let body = try payload.signedCell(signature: try payload.signature(by: owner))
    try await reader.call {
      try await center.sendBoc(try ExternalMessage(destination: root.address, body: body).cell())
    }
    let deadline = Date().addingTimeInterval(preset.confirmationTimeout)
    while try await reader.get(root.address, "seqno").first?.integer.flatMap({ UInt64(exactly: $0) }) ?? 0 <= sequence {
      guard Date() < deadline else { throw CocoonError(.unavailable, "the registry update was not confirmed in time") }
      try await Task.sleep(for: .seconds(preset.pollInterval))
    }
  }

  /// The coordinator contract at `address` (its current get-method state).
  func coordinatorState(at address: Address) async throws -> CoordinatorRef {
    let state = try CoordinatorContractState(stack: try await reader.get(address, "get_coordinator_state"))
    let found = CoordinatorRef(address: address, state: state)
    cache.remember(found)
    return found
  }

  /// The coordinator contract of the coordinator whose wallet is `owner`: this process's own (derived from the
  /// registry's close delay), else the registry's entry whose contract names `owner`.
  func coordinatorContract(_ owner: String) async throws -> CoordinatorRef {
    let wallet = try Self.address(owner)
    if let known = cache.coordinator(wallet) { return known }
    let registry = try await rootRegistry()
    for entry in registry.coordinators {
      if let found = try? await coordinatorState(at: entry.contract), found.state.owner == wallet { return found }
    }
    if wallet == key.walletAddress {
      let state = CoordinatorContractState(
        owner: wallet, key: key.keyPair.publicKey, clientCloseDelay: registry.parameters.clientCloseDelay)
      let own = CoordinatorRef(address: try state.stateInit().address(), state: state)
      cache.remember(own)
      return own
    }
    throw CocoonError(.invalidArgument, "no coordinator contract of \(wallet.raw) is listed in the registry")
  }
}
