import BigInt
import CocoonTONContracts
import TON
import TONEmulator
import Testing

@Suite("Root (registry) contract in the real TVM", .enabled(if: ContractChain.library != nil, ContractChain.skipReason))
struct RootContractTests {
  static let ton = ContractChain.ton
  let ownerKeys = try! KeyPair(seed: [UInt8](repeating: 0x0A, count: 32))

  func registry(price: UInt64) -> Registry {
    Registry(
      parameters: Registry.Parameters(
        pricePerToken: price, nodeFeePerToken: price * 8 / 10, promptMultiplier: 10_000, cachedMultiplier: 2_500,
        completionMultiplier: 40_000, reasoningMultiplier: 80_000, minimumClientStake: Self.ton,
        minimumNodeStake: 2 * Self.ton, minimumCoordinatorStake: 100 * Self.ton, clientCloseDelay: 3_600,
        coordinatorCloseDelay: 86_400),
      images: [
        [UInt8](repeating: 0x11, count: 48): [.node], [UInt8](repeating: 0x22, count: 48): [.coordinator, .node],
      ],
      models: ["qwen3-0.6b": [UInt8](repeating: 0x33, count: 32)],
      coordinators: [
        Registry.Coordinator(
          publicKey: [UInt8](repeating: 0x44, count: 32), contract: ContractChain.wallet(0x45),
          endpoint: "coord.example:8443")
      ])
  }

  func update(
    _ root: Address, _ chain: ContractChain, sequence: UInt64, registry: Registry, keys: KeyPair? = nil,
    globalID: Int32? = nil, validUntil: UInt32? = nil, contract: Address? = nil
  ) throws -> Cell {
    let payload = try SignedPayload.registryUpdate(
      contract: contract ?? root, globalID: globalID ?? chain.globalID, sequence: sequence,
      validUntil: validUntil ?? chain.now + 60, registry: try registry.cell())
    return try payload.signedCell(signature: payload.signature(by: keys ?? ownerKeys))
  }

  @Test("get-methods return the registry; owner-signed updates replace it; refusals change nothing")
  func registryUpdates() throws {
    let chain = try ContractChain()
    let initial = registry(price: 100)
    let stateInit = try RootContractState(ownerKey: ownerKeys.publicKey, registry: initial).stateInit()
    let root = try stateInit.address()
    let deployed = try chain.send(
      from: ContractChain.wallet(0x0B), to: root, value: Self.ton, body: nil, stateInit: stateInit)
    expectGas(deployed.first, "root deploy", below: 5_000)

    #expect(try chain.get(root, "seqno") == [.int(0)])
    #expect(try chain.get(root, "get_owner_key") == [.int(BigInt(BigUInt(Data_(ownerKeys.publicKey))))])
    #expect(try Registry(cell: #require(try chain.get(root, "get_registry").first?.cellValue)) == initial)
    let parameters = try chain.get(root, "get_registry_params").map { $0.integer }
    #expect(
      parameters == [
        100, 80, 10_000, 2_500, 40_000, 80_000, 1_000_000_000, 2_000_000_000, 100_000_000_000, 3_600, 86_400,
      ])
    let images = try chain.get(root, "get_images")
    #expect(try Registry.images(from: HashmapE(keyBits: 256, root: images.first?.cellValue)) == initial.images)
    let models = try chain.get(root, "get_models")
    #expect(try Registry.models(from: HashmapE(keyBits: 256, root: models.first?.cellValue)) == initial.models)
    let coordinators = try chain.get(root, "get_coordinators")
    #expect(
      try Registry.coordinators(from: HashmapE(keyBits: 256, root: coordinators.first?.cellValue))
        == initial.coordinators)

    let next = registry(price: 120)
    let updated = try chain.external(try update(root, chain, sequence: 1, registry: next), to: root)
    #expect(updated.success)
    expectGas(updated.transaction, "root update (external, signed)", below: 15_000)
    #expect(try chain.get(root, "seqno") == [.int(1)])
    #expect(try Registry(cell: #require(try chain.get(root, "get_registry").first?.cellValue)) == next)

    let stranger = try KeyPair(seed: [UInt8](repeating: 0xEC, count: 32))
    let other = ContractChain.wallet(0x0C)
    let refusals: [(ContractExitCode, Cell)] = [
      (.badSignature, try update(root, chain, sequence: 2, registry: initial, keys: stranger)),
      (.replayed, try update(root, chain, sequence: 1, registry: initial)),
      (.expired, try update(root, chain, sequence: 2, registry: initial, validUntil: chain.now - 1)),
      (.wrongNetwork, try update(root, chain, sequence: 2, registry: initial, globalID: NetworkGlobalID.testnet)),
      (.wrongAddress, try update(root, chain, sequence: 2, registry: initial, contract: other)),
    ]
    for (code, body) in refusals {
      let data = try chain.data(root)
      let result = try chain.external(body, to: root)
      #expect(!result.success && result.externalNotAccepted)
      #expect(result.vmExitCode == code.rawValue, "\(code): \(result.vmExitCode ?? -1)")
      #expect(try chain.data(root) == data)
    }
  }
}

/// The unsigned integer of big-endian bytes.
func Data_(_ bytes: [UInt8]) -> BigUInt { bytes.reduce(BigUInt(0)) { $0 << 8 + BigUInt($1) } }
