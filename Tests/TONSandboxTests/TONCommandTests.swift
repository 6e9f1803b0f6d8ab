import ArgumentParser
import Foundation
import TON
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
