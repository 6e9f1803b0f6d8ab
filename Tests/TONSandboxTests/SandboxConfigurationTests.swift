import Foundation
import TON
import TONSandbox
import Testing

@Suite("Sandbox configuration")
struct SandboxConfigurationTests {
  static func load(_ yaml: String) throws -> SandboxConfiguration {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID()).yaml").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    return try SandboxConfiguration.load(path: path)
  }

  @Test("the ton_sandbox section is read; unknown keys are refused with their line and column")
  func keys() throws {
    let configuration = try Self.load(
      "ton_sandbox:\n  listen: \"127.0.0.1:9000\"\n  initial_accounts:\n    - address: \"0:\(String(repeating: "ab", count: 32))\"\n      balance: \"2.5\"\n")
    #expect(configuration.listen == "127.0.0.1:9000")
    #expect(configuration.initialAccounts.first?.balance == "2.5")
    do {
      _ = try Self.load("ton_sandbox:\n  listen: \"127.0.0.1:9000\"\n  stat_path: x\n")
      Issue.record("an unknown key was accepted")
    } catch let error as TONError {
      #expect(error.reason.contains(":3:3: unknown key 'stat_path'"))
      #expect(error.reason.contains("state_path"))
    }
  }

  @Test("only loopback addresses are accepted for listen")
  func loopbackOnly() throws {
    #expect(try SandboxConfiguration(listen: "127.0.0.1:0").listenAddress().port == 0)
    #expect(throws: TONError.self) { try SandboxConfiguration(listen: "0.0.0.0:8081").listenAddress() }
  }
}
