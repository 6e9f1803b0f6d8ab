import BigInt
import Testing
import TON
import TONEmulator

/// Wallets deployed and driven by our own signed messages, in the official TON emulator.
@Suite("Wallets in the real emulator", .enabled(if: EmulatorHarness.library != nil, EmulatorHarness.skipReason))
struct WalletEmulatorTests {
  enum Kind: String, CaseIterable, Sendable { case v4r2, v5r1 }

  static func wallet(_ kind: Kind, _ keys: KeyPair) throws -> any Wallet {
    switch kind {
    case .v4r2: try WalletV4R2(publicKey: keys.publicKey)
    case .v5r1: try WalletV5R1(publicKey: keys.publicKey, networkGlobalID: WalletV5R1.mainnetGlobalID)
    }
  }

  @Test("deploy, transfer, and refusals of a bad signature, a stale seqno and an expired order", arguments: Kind.allCases)
  func lifecycle(kind: Kind) throws {
    let chain = try EmulatorHarness()
    let keys = try KeyPair(seed: [UInt8](repeating: kind == .v4r2 ? 4 : 5, count: 32))
    let wallet = try Self.wallet(kind, keys)
    let address = try wallet.address
    let recipient = try Address(workchain: 0, hash: [UInt8](repeating: 0xB0, count: 32))

    let funded = try chain.fund(address, amount: 10_000_000_000)
    #expect(funded.success)
    #expect(try chain.balance(address) == 10_000_000_000)

    // Deploy with the first order (seqno 0, state init attached), carrying one transfer.
    let first = try InternalMessage(destination: recipient, value: 1_000_000_000, bounce: false, comment: "first")
    let deploy = try wallet.externalMessage(
      WalletTransfer(seqno: 0, validUntil: chain.now + 60, messages: [(first, .standard)]), keyPair: keys)
    let deployed = try chain.deliver(try deploy.cell(), to: address)
    #expect(deployed.success, "\(deployed.error ?? "")")
    let deployTransaction = try #require(deployed.transaction)
    #expect(deployTransaction.computeSuccess == true)
    #expect(try chain.get(address, "seqno").stack == [.int(1)])
    try expectOutbound(deployTransaction, equals: first)

    // A second order with the next seqno.
    let second = InternalMessage(destination: recipient, value: 2_500_000_000, bounce: true, body: try Cell.textComment("second"))
    let order = WalletTransfer(seqno: 1, validUntil: chain.now + 60, messages: [(second, .standard)])
    let before = try chain.balance(address)
    let sent = try chain.deliver(try wallet.externalMessage(order, keyPair: keys).cell(), to: address)
    let sentTransaction = try #require(sent.transaction)
    #expect(try chain.get(address, "seqno").stack == [.int(2)])
    try expectOutbound(sentTransaction, equals: second)
    let outbound = try MessageInfo(cell: sentTransaction.outMessages[0])
    #expect(before - (try chain.balance(address)) == 2_500_000_000 + sentTransaction.totalFees + outbound.forwardFee)

    // Refusals by the wallet code itself: no transaction, exit code from the contract.
    let stranger = try KeyPair(seed: [UInt8](repeating: 0xEE, count: 32))
    let forged = try wallet.signedBody(WalletTransfer(seqno: 2, validUntil: chain.now + 60, messages: [(second, .standard)]), keyPair: stranger)
    let badSignature = try chain.deliver(try ExternalMessage(destination: address, body: forged).cell(), to: address)
    let stale = try chain.deliver(
      try wallet.externalMessage(WalletTransfer(seqno: 1, validUntil: chain.now + 60, messages: [(second, .standard)]), keyPair: keys).cell(),
      to: address)
    let expired = try chain.deliver(
      try wallet.externalMessage(WalletTransfer(seqno: 2, validUntil: chain.now - 1, messages: [(second, .standard)]), keyPair: keys).cell(),
      to: address)
    let codes: (signature: Int32, seqno: Int32, expired: Int32) = kind == .v4r2 ? (35, 33, 36) : (135, 133, 136)
    for (result, code) in [(badSignature, codes.signature), (stale, codes.seqno), (expired, codes.expired)] {
      #expect(!result.success)
      #expect(result.externalNotAccepted)
      #expect(result.vmExitCode == code)
    }
    #expect(try chain.get(address, "seqno").stack == [.int(2)])
  }

  private func expectOutbound(_ transaction: TransactionInfo, equals intended: InternalMessage) throws {
    #expect(transaction.outMessages.count == 1)
    let out = try MessageInfo(cell: try #require(transaction.outMessages.first))
    #expect(out.kind == .internal)
    #expect(out.destination == intended.destination)
    #expect(out.value == intended.value)
    #expect(out.bounce == intended.bounce)
    #expect(out.body == (intended.body ?? Cell.empty))
    #expect(out.stateInit == intended.stateInit)
  }

  @Test("stack values round-trip through the VmStack serialization")
  func stackRoundTrip() throws {
    let values: [TVMValue] = [
      .null, .int(5), .int(-(BigInt(1) << 200)), .nan, .cell(try Cell.textComment("x")),
      .slice(try Cell.textComment("y")), .tuple([.int(1), .tuple([]), .tuple([.null, .int(2), .int(3)])]),
    ]
    #expect(try TVMStack.parse(TVMStack.serialize(values)) == values)
  }
}
