import BigInt
import Foundation
import TON
import TONCenter
import TONEmulator
import Testing

/// The sandbox as a separate process on loopback, driven only through the TON Center client.
@Suite(
  "Sandbox end to end through the TON Center client",
  .enabled(if: EmulatorLibrary.resolve() != nil, "the TON emulator library is missing: run Tools/fetch-ton-emulator (the test command does)"),
  .enabled(if: SandboxProcess.executable != nil, "cocoon-ton-sandbox is not built next to the test bundle"))
struct SandboxEndToEndTests {
  static let ton = BigUInt(1_000_000_000)

  /// balance == Σ incoming values − Σ total fees − Σ (outgoing values + their forward fees).
  static func expectedBalance(_ transactions: [TONCenterModels.Transaction]) -> BigInt {
    var balance = BigInt(0)
    for transaction in transactions {
      balance += BigInt(transaction.inMsg.flatMap { BigInt($0.value) } ?? 0)
      balance -= BigInt(transaction.fee) ?? 0
      for out in transaction.outMsgs { balance -= (BigInt(out.value) ?? 0) + (BigInt(out.fwdFee) ?? 0) }
    }
    return balance
  }

  @Test("fund A, deploy it, send 1.5 TON to B, balances agree with the fees; state survives a restart")
  func endToEnd() async throws {
    let initial = try Address(workchain: 0, hash: [UInt8](repeating: 0xD4, count: 32))
    let fundedByCommand = try Address(workchain: 0, hash: [UInt8](repeating: 0xC3, count: 32))
    try await SandboxProcess.withTemporaryConfig(initialAccounts: [(initial, "3")]) { configPath in
      try await run(configPath: configPath, initial: initial, fundedByCommand: fundedByCommand)
    }
  }

  private func run(configPath: String, initial: Address, fundedByCommand: Address) async throws {
    try await SandboxProcess.runToEnd(["fund", fundedByCommand.raw, "2.25", "--config", configPath])

    var sandbox: SandboxProcess? = try await SandboxProcess(configPath: configPath)
    var client = try TONCenterClient(configuration: .sandbox(port: sandbox!.port))

    let keys = try KeyPair(seed: [UInt8](repeating: 0xA1, count: 32))
    let walletA = try WalletV4R2(publicKey: keys.publicKey)
    let a = try walletA.address
    let b = try WalletV5R1(publicKey: try KeyPair(seed: [UInt8](repeating: 0xB2, count: 32)).publicKey).address

    #expect(try await client.balance(initial) == 3 * Self.ton)
    #expect(try await client.balance(fundedByCommand) == 2_250_000_000)
    _ = try await client.sandboxFund(a, nanotons: 5 * Self.ton)
    #expect(try await client.balance(a) == 5 * Self.ton)
    #expect(try await client.addressInformation(a).state == "uninitialized")

    let now = UInt32(Date().timeIntervalSince1970)
    let deploy = try walletA.externalMessage(WalletTransfer(seqno: 0, validUntil: now + 120, messages: []), keyPair: keys)
    let hash = try await client.sendBocReturnHash(try deploy.cell())
    #expect(hash == ByteEncoding.base64(try deploy.cell().hash))
    #expect(try await client.seqno(a) == 1)

    let pay = InternalMessage(destination: b, value: 3 * Self.ton / 2, bounce: false)
    let fee = try await client.estimateFee(a, body: try walletA.signedBody(WalletTransfer(seqno: 1, validUntil: now + 120, messages: [(pay, .standard)]), keyPair: keys))
    #expect(fee.sourceFees.gasFee > 0)
    try await client.sendBoc(try walletA.externalMessage(WalletTransfer(seqno: 1, validUntil: now + 120, messages: [(pay, .standard)]), keyPair: keys).cell())

    let balanceA = try await client.balance(a)
    let balanceB = try await client.balance(b)
    let transactionsA = try await client.transactions(a, limit: 10)
    let transactionsB = try await client.transactions(b, limit: 10)
    #expect(transactionsA.count == 3)
    #expect(transactionsB.count == 1)
    #expect(BigInt(balanceA) == Self.expectedBalance(transactionsA))
    #expect(BigInt(balanceB) == Self.expectedBalance(transactionsB))
    #expect(balanceB == 3 * Self.ton / 2 - (BigUInt(transactionsB[0].fee) ?? 0))
    #expect(balanceA < 5 * Self.ton - 3 * Self.ton / 2)
    let wallet = try await client.walletInformation(a)
    #expect(wallet.wallet && wallet.walletType == "wallet v4 r2" && wallet.seqno == 2 && wallet.walletID == 698_983_191)
    let masterchain = try await client.masterchainInfo()
    #expect(masterchain.last.seqno >= 3)

    // A message the wallet refuses (stale seqno) is an error, not a transaction.
    await #expect(throws: TONCenterError.self) {
      try await client.sendBoc(try walletA.externalMessage(WalletTransfer(seqno: 1, validUntil: now + 120, messages: [(pay, .standard)]), keyPair: keys).cell())
    }

    await sandbox?.stop()
    sandbox = try await SandboxProcess(configPath: configPath)
    client = try TONCenterClient(configuration: .sandbox(port: sandbox!.port))
    #expect(try await client.balance(a) == balanceA)
    #expect(try await client.balance(b) == balanceB)
    #expect(try await client.seqno(a) == 2)
    #expect(try await client.transactions(a, limit: 10).count == 3)
    await sandbox?.stop()
  }

  @Test("a bounceable transfer to an account with no code bounces back, executed in lt order")
  func bounce() async throws {
    try await SandboxProcess.withTemporaryConfig { configPath in
      try await SandboxProcess.running(configPath: configPath) { sandbox in try await bounce(sandbox: sandbox) }
    }
  }

  private func bounce(sandbox: SandboxProcess) async throws {
    let client = try TONCenterClient(configuration: .sandbox(port: sandbox.port))
    let keys = try KeyPair(seed: [UInt8](repeating: 0x77, count: 32))
    let wallet = try WalletV4R2(publicKey: keys.publicKey)
    let sender = try wallet.address
    let nobody = try Address(workchain: 0, hash: [UInt8](repeating: 0x0B, count: 32))
    _ = try await client.sandboxFund(sender, nanotons: 4 * Self.ton)
    let order = WalletTransfer(
      seqno: 0, validUntil: UInt32(Date().timeIntervalSince1970) + 120,
      messages: [(InternalMessage(destination: nobody, value: Self.ton, bounce: true), .standard)])
    try await client.sendBoc(try wallet.externalMessage(order, keyPair: keys).cell())
    let received = try await client.transactions(nobody, limit: 10)
    #expect(received.count == 1)
    let back = try #require(try await client.transactions(sender, limit: 10).first)
    #expect(back.inMsg?.source == nobody.raw)
    #expect(BigUInt(back.inMsg?.value ?? "0") ?? 0 > 0)
    #expect(BigUInt(back.inMsg?.value ?? "0") ?? 0 < Self.ton)
    #expect(try await client.balance(nobody) == 0)
    #expect(BigInt(try await client.balance(sender)) == Self.expectedBalance(try await client.transactions(sender, limit: 10)))
    #expect(UInt64(back.transactionID.lt) ?? 0 > UInt64(received[0].transactionID.lt) ?? 0)
  }
}
