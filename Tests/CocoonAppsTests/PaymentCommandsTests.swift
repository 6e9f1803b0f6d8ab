import CocoonTestSupport
import Foundation
import Testing

@Suite("Payment commands on the local ledger")
struct PaymentCommandsTests {
  @Test("register, deposit, balance, withdraw (refused below the stake), accounts, earnings, close")
  func clientLifecycle() async throws {
    let config = try temporaryFile(
      try String(contentsOf: repositoryRoot.appendingPathComponent("cocoon.yaml"), encoding: .utf8))
    let directory = config.deletingLastPathComponent()
    let arguments = ["--config", config.path]
    let register = try await runProduct("cocoon-coordinator", ["register"] + arguments, in: directory)
    #expect(register.status == 0, "\(register.stderr)")
    let deposit = try await runProduct("cocoon-client", ["deposit", "2.5"] + arguments, in: directory)
    #expect(deposit.stdout.contains("balance 2.500000000, stake 1.000000000"), "\(deposit.stderr)")
    let refused = try await runProduct("cocoon-client", ["withdraw", "2"] + arguments, in: directory)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("below the stake"))
    let withdraw = try await runProduct("cocoon-client", ["withdraw", "1.5"] + arguments, in: directory)
    #expect(withdraw.stdout.contains("balance 1.000000000"), "\(withdraw.stderr)")
    let accounts = try await runProduct("cocoon-coordinator", ["accounts"] + arguments, in: directory)
    #expect(accounts.stdout.contains("stake 1.000000000"), "\(accounts.stderr)")
    let earnings = try await runProduct("cocoon-node", ["earnings"] + arguments, in: directory)
    #expect(earnings.stdout.contains("no earning vouchers yet"), "\(earnings.stderr)")
    let close = try await runProduct("cocoon-client", ["close"] + arguments, in: directory)
    #expect(close.stdout.contains("closing; the stake of 1.000000000 returns after"), "\(close.stderr)")
    let balance = try await runProduct("cocoon-client", ["balance"] + arguments, in: directory)
    #expect(balance.stdout.contains("paid out    1.500000000"), "\(balance.stdout)")
    let key = directory.appendingPathComponent(".cocoon/keys/client.ed25519").path
    let mode = (try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? NSNumber)?.intValue
    #expect(mode == 0o600)
  }
}

@Suite("The local ledger file shared by several processes")
struct LedgerMultiProcessTests {
  @Test("concurrent deposits from four processes all land, each once")
  func concurrentProcesses() async throws {
    let config = try temporaryFile(
      try String(contentsOf: repositoryRoot.appendingPathComponent("cocoon.yaml"), encoding: .utf8))
    let directory = config.deletingLastPathComponent()
    let arguments = ["--config", config.path]
    #expect(try await runProduct("cocoon-coordinator", ["register"] + arguments, in: directory).status == 0)
    #expect(try await runProduct("cocoon-client", ["deposit", "1"] + arguments, in: directory).status == 0)
    let processes = try (0..<4).map { _ in
      try ChildProcess.start(
        productsDirectory.appendingPathComponent("cocoon-client"), ["deposit", "0.25"] + arguments, in: directory)
    }
    for process in processes {
      await ChildProcess.waitForExit(process)
      #expect(process.terminationStatus == 0)
    }
    let balance = try await runProduct("cocoon-client", ["balance"] + arguments, in: directory)
    #expect(balance.stdout.contains("balance     2.000000000"), "\(balance.stdout)")
  }
}
