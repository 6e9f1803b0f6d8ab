import CocoonTestSupport
import Foundation
import Testing

/// The third-party template's sources, compiled in-repo as `cocoon-node-echo`, selected by configuration.
@Suite("third-party plugin template")
struct PluginTemplateTests {
  static let example = repositoryRoot.appendingPathComponent("Tools/plugin-template/example.yaml").path

  @Test("its binary lists the third-party plugin beside the built-in ones")
  func listsPlugin() async throws {
    let result = try await runProduct("cocoon-node-echo", ["plugins"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("echo — example third-party backend"))
  }

  @Test("check-config shows the third-party plugin serving compute")
  func selectedByConfig() async throws {
    let result = try await runProduct("cocoon-node-echo", ["check-config", "--config", Self.example])
    #expect(result.stdout.contains("compute (compute): echo [ok]"))
    #expect(result.stdout.contains("prefix: echo: "))
  }

  @Test("generate runs a prompt through the third-party backend")
  func generatesThroughPlugin() async throws {
    let result = try await runProduct(
      "cocoon-node-echo", ["infer", "--config", Self.example, "--prompt", "one two three", "--log-level", "error"])
    #expect(result.status == 0)
    #expect(result.stdout == "echo: three two one\n")
  }

  @Test("the stock cocoon-node does not know the third-party plugin")
  func stockBinaryRefuses() async throws {
    let result = try await runProduct("cocoon-node", ["infer", "--config", Self.example, "--prompt", "x"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("example.yaml:14:13: unknown compute plugin 'echo'"))
  }

  @Test("bad options for the third-party plugin are located in the file")
  func badOptions() async throws {
    let text = try String(contentsOfFile: Self.example, encoding: .utf8)
      .replacingOccurrences(of: "prefix: \"echo: \"", with: "prefix: [1, 2]")
    let file = try temporaryFile(text)
    let result = try await runProduct("cocoon-node-echo", ["infer", "--config", file.path, "--prompt", "x"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(file.path):16:15: expected a string for 'node.compute.options.prefix', found a list"))
  }
}
