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
