import BigInt
import CocoonTONContracts
import TON
import Testing

/// The Swift side alone: layouts round-trip and misuse is refused before anything reaches a chain.
@Suite("CocoonTONContracts builders and decoders")
struct LibraryTests {
  static let ton = ContractChain.ton
  let a = ContractChain.wallet(0x01)
  let b = ContractChain.wallet(0x02)

  @Test("client and node data cells round-trip, and the client's address follows from owner and coordinator")
  func storageRoundTrip() throws {
    var client = ClientContractState(
      owner: a, coordinator: b, coordinatorKey: [UInt8](repeating: 9, count: 32), closeDelay: 60)
    let fresh = try client.stateInit().address()
    #expect(
      try ClientContractState.address(owner: a, coordinator: b, coordinatorKey: client.coordinatorKey, closeDelay: 60)
        == fresh)
    #expect(
      try ClientContractState.address(owner: b, coordinator: b, coordinatorKey: client.coordinatorKey, closeDelay: 60)
        != fresh)
    client.phase = .closing
    client.balance = 123 * Self.ton
    client.stake = (BigUInt(1) << 120) - 1  // the largest amount Coins can carry (15 bytes)
    client.charged = 7
    client.sequence = .max
    client.unlockTime = .max
    #expect(try ClientContractState(dataCell: client.dataCell()) == client)
    var node = NodeContractState(owner: a, coordinator: b, coordinatorKey: [UInt8](repeating: 8, count: 32))
    node.paid = 5 * Self.ton
    node.sequence = 3
    #expect(try NodeContractState(dataCell: node.dataCell()) == node)
  }

  @Test("config parameter 19 is set and read back; the rest of the config is kept")
  func globalID() throws {
    var dictionary = try HashmapE(keyBits: 32)
    try dictionary.set(try BitString(20, bits: 32), try Cell.textComment("x"))
    let config = try #require(try dictionary.rootCell())
    #expect(try BlockchainConfig.globalID(in: config) == nil)
    let edited = try BlockchainConfig.settingGlobalID(NetworkGlobalID.testnet, in: config)
    #expect(try BlockchainConfig.globalID(in: edited) == NetworkGlobalID.testnet)
    #expect(try HashmapE(keyBits: 32, root: edited).get(try BitString(20, bits: 32)) == (try Cell.textComment("x")))
  }

  @Test("signed payloads refuse a voucher of another kind, a short hash and a short signature")
  func payloadMisuse() throws {
    #expect(throws: TONError.self) {
      try SignedPayload.voucher(.checkpoint, contract: a, globalID: -239, sequence: 1, amount: 1)
    }
    #expect(throws: TONError.self) {
      try SignedPayload.checkpoint(contract: a, globalID: -239, sequence: 1, stateHash: [1, 2, 3])
    }
    let payload = try SignedPayload.voucher(.charge, contract: a, globalID: -239, sequence: 1, amount: 1)
    #expect(throws: TONError.self) { try payload.body(op: ContractOp.clientCharge, signature: [0]) }
    let keys = try KeyPair(seed: [UInt8](repeating: 3, count: 32))
    let signature = try payload.signature(by: keys)
    #expect(KeyPair.verify(signature: signature, message: payload.cell.hash, publicKey: keys.publicKey))
  }

  @Test("a registry cell round-trips")
  func registryRoundTrip() throws {
    let registry = Registry(
      parameters: Registry.Parameters(
        pricePerToken: 10, nodeFeePerToken: 7, minimumClientStake: 1, minimumNodeStake: 2, minimumCoordinatorStake: 3,
        clientCloseDelay: 4, coordinatorCloseDelay: 5),
      images: [[UInt8](repeating: 0xAB, count: 48): [.node, .coordinator], [0x01]: [.client]],
      models: [
        "a": [UInt8](repeating: 1, count: 32), "a longer model name/with-slashes": [UInt8](repeating: 2, count: 32),
      ],
      coordinators: [Registry.Coordinator(publicKey: [UInt8](repeating: 5, count: 32), contract: a, endpoint: "h:1")])
    #expect(try Registry(cell: registry.cell()) == registry)
  }
}
