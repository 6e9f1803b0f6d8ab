import CocoonTestSupport
import Foundation
import Testing

@Suite("check-config and plugins, as a user runs them")
struct CheckConfigTests {
  @Test("check-config prints the composed deployment of the default cocoon.yaml")
  func defaultDeployment() async throws {
    let result = try await runProduct("cocoon-node", ["check-config", "--config", "cocoon.yaml"])
    #expect(result.stdout.contains("cocoon-node deployment from cocoon.yaml"))
    #expect(result.stdout.contains("network: local"))
    #expect(result.stdout.contains("compute (compute): cpu"))
    #expect(result.stdout.contains("payment (payment): local"))
    #expect(result.stdout.contains("threads: 0"))
    #expect(result.stdout.contains("registry: 1 model(s): gemma-3-270m"))
  }

  @Test("each role prints its own plugins", arguments: ["cocoon-node", "cocoon-coordinator", "cocoon-client"])
  func eachRole(binary: String) async throws {
    let result = try await runProduct(binary, ["check-config"])
    #expect(result.stdout.contains("\(binary) deployment from ./cocoon.yaml"))
    #expect(result.stdout.contains("transport (transport): ratls"))
  }

  @Test(
    "check-config on a ton-testnet and a ton-mainnet config prints the endpoint and network id, offline",
    arguments: [
      ("ton-testnet", "https://testnet.toncenter.com/api/v2", "ton:-3"),
      ("ton-mainnet", "https://toncenter.com/api/v2", "ton:-239"),
    ])
  func tonPresets(plugin: String, endpoint: String, network: String) async throws {
    var text = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/ton-sandbox.yaml"), encoding: .utf8)
    text = text.replacingOccurrences(of: "plugin: ton-sandbox ", with: "plugin: \(plugin) ")
      .replacingOccurrences(
        of: "endpoint: http://127.0.0.1:8081/api/v2",
        with: "root_address: \"0:\(String(repeating: "ab", count: 32))\"\n    api_key: ${TONCENTER_API_KEY}")
      .replacingOccurrences(of: "charge_at_stake_fraction: 0 ", with: "charge_at_stake_fraction: 0.5 ")
    let file = try temporaryFile(text)
    let result = try await runProduct(
      "cocoon-client", ["check-config", "--config", file.path], environment: ["TONCENTER_API_KEY": "secret-key"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("payment (payment): \(plugin) [ok]"), "\(result.stdout)")
    #expect(result.stdout.contains("→ endpoint: \(endpoint)"), "\(result.stdout)")
    #expect(result.stdout.contains("→ network: \(network)"), "\(result.stdout)")
    #expect(result.stdout.contains("a client's charge from 50.0% of its stake"), "\(result.stdout)")
    #expect(!result.stdout.contains("secret-key"))
  }

  @Test("bad configuration exits 2 with file:line:column on stderr")
  func badConfiguration() async throws {
    let file = try temporaryFile("network:\n  name: x\n  colour: blue\npayment:\n  plugin: local\n")
    let result = try await runProduct("cocoon-node", ["check-config", "--config", file.path])
    #expect(result.status == 2)
    #expect(result.stderr == "error: \(file.path):3:3: unknown key 'colour' in 'network'; accepted: insecure, name\n")
  }

  @Test("a missing file exits 2 and says what to do")
  func missingFile() async throws {
    let result = try await runProduct("cocoon-coordinator", ["check-config", "--config", "/nonexistent/cocoon.yaml"])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "error: cannot read configuration file '/nonexistent/cocoon.yaml': no such file; pass --config PATH to a cocoon.yaml\n"
    )
  }

  @Test("a missing role section is a clear error")
  func missingRoleSection() async throws {
    let file = try temporaryFile("network:\n  name: x\npayment:\n  plugin: local\n")
    let result = try await runProduct("cocoon-client", ["check-config", "--config", file.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("the configuration has no 'client:' section"))
  }

  @Test("a bad --log-level is refused before anything runs")
  func badLogLevel() async throws {
    let result = try await runProduct("cocoon-node", ["check-config", "--log-level", "loud"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("'loud' is not a log level"))
  }
}
