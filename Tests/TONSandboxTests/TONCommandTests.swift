import ArgumentParser
import BigInt
import Foundation
import TON
import TONCenter
import TONEmulator
import Testing

@testable import TONCommandLine

@Suite("ton command line")
struct TONCommandTests {

  @Test("ton mnemonic new writes a valid mnemonic with mode 0600, and ton address prints its wallet forms")
  func mnemonicAndAddress() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ton-cli-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var new = try TONCommand.parseAsRoot(["mnemonic", "new", "--out", path]) as! any AsyncParsableCommand
    try await new.run()
    #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    let mnemonic = try Mnemonic(contentsOfFile: path)
    let keys = try mnemonic.keyPair()
    let forms = try AddressCommand.forms(mnemonic, wallet: .v5r1, testnet: true)
    let expected = try WalletV5R1(publicKey: keys.publicKey, networkGlobalID: -3).address
    #expect(forms["raw"] == expected.raw)
    #expect(forms["bounceable"] == expected.friendly(bounceable: true, testnetOnly: true))
    #expect(forms["nonBounceable"] == expected.friendly(bounceable: false, testnetOnly: true))
    var again = try TONCommand.parseAsRoot(["mnemonic", "new", "--out", path]) as! any AsyncParsableCommand
    await #expect(throws: ExitCode.self) { try await again.run() }
  }

  @Test("ton boc-hash fails with a non-zero exit on malformed input")
  func bocHash() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ton-boc-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data("b5ee9c72ffff".utf8).write(to: URL(fileURLWithPath: path))
    var command = try TONCommand.parseAsRoot(["boc-hash", path]) as! any AsyncParsableCommand
    await #expect(throws: ExitCode.failure) { try await command.run() }
  }
}

@Suite(
  "ton send and ton balance against the sandbox",
  .enabled(if: TONEmulator.EmulatorLibrary.resolve() != nil, "the TON emulator library is missing: run Tools/fetch-ton-emulator"),
  .enabled(if: SandboxProcess.executable != nil, "cocoon-ton-sandbox is not built next to the test bundle"))
struct TONSendCommandTests {
  @Test("ton send deploys the wallet on the first transfer and uses the next seqno after")
  func send() async throws {
    try await SandboxProcess.withTemporaryConfig { configPath in
      try await SandboxProcess.running(configPath: configPath) { try await send(configPath: configPath, sandbox: $0) }
    }
  }

  private func send(configPath: String, sandbox: SandboxProcess) async throws {
    let endpoint = "http://127.0.0.1:\(sandbox.port)/api/v2"
    let mnemonicPath = URL(fileURLWithPath: configPath).deletingLastPathComponent().appendingPathComponent("key").path
    let mnemonic = Mnemonic.generate()
    try mnemonic.write(toFile: mnemonicPath)
    let sender = try WalletV5R1(publicKey: mnemonic.keyPair().publicKey, networkGlobalID: WalletV5R1.mainnetGlobalID).address
    let recipient = try Address(workchain: 0, hash: [UInt8](repeating: 0x5E, count: 32))
    let client = try TONCenter.TONCenterClient(configuration: .sandbox(port: sandbox.port))
    _ = try await client.sandboxFund(sender, nanotons: 3_000_000_000)
    for _ in 0..<2 {
      var command = try TONCommand.parseAsRoot([
        "send", "--mnemonic-file", mnemonicPath, "--wallet", "v5r1", "--to", recipient.friendly(bounceable: false),
        "--amount", "0.5", "--comment", "from the CLI", "--endpoint", endpoint,
      ]) as! any AsyncParsableCommand
      try await command.run()
    }
    #expect(try await client.seqno(sender) == 2)
    let received = try await client.transactions(recipient, limit: 10)
    #expect(received.count == 2)
    #expect(received.allSatisfy { $0.inMsg?.value == "500000000" })
    var balance = try TONCommand.parseAsRoot(["balance", recipient.raw, "--endpoint", endpoint]) as! any AsyncParsableCommand
    try await balance.run()
  }
}
