import CocoonClient
import CocoonCore
import CocoonTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Cross-check with OpenAI's Python client")
struct OpenAIPythonCrossCheckTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Whether python3 can make a virtual environment (python3-venv, which Tools/setup installs).
  static var canMakeVirtualEnvironment: Bool { ChildProcess.pythonCanMakeVirtualEnvironment }

  @Test(
    "cross-check openai python client",
    .enabled(if: canMakeVirtualEnvironment, "needs python3 with venv (python3-venv; Tools/setup installs it)"),
    .timeLimit(.minutes(5)))
  func openAIPythonClient() async throws {
    let gateway = GatewayDouble(refusesUnknownModels: true)
    let (status, output) = try await makeServer(gateway, accessToken: "smoke-token").makeApplication().test(.live) {
      client in
      let port = try #require(client.port)
      return try await Self.runSmoke(baseURL: "http://localhost:\(port)/v1", apiKey: "smoke-token")
    }
    #expect(status == 0, "Tools/openai-smoke failed:\n\(output)")
    #expect(output.contains("all checks passed"), "\(output)")
    #expect(gateway.requests.count == 5)
  }

  @Test(
    "cross-check openai python client: the script fails on inconsistent usage",
    .enabled(if: canMakeVirtualEnvironment, "needs python3 with venv (python3-venv; Tools/setup installs it)"),
    .timeLimit(.minutes(5)))
  func openAIPythonClientCatchesBadUsage() async throws {
    let badUsage = TokenUsage(promptTokens: 2, cachedTokens: 5, completionTokens: 1)
    let gateway = GatewayDouble(script: .events([.delta("x"), .finished(.stop, badUsage)]), refusesUnknownModels: true)
    let (status, output) = try await makeServer(gateway).makeApplication().test(.live) { client in
      let port = try #require(client.port)
      return try await Self.runSmoke(baseURL: "http://localhost:\(port)/v1", apiKey: "")
    }
    #expect(status == 1, "\(output)")
    #expect(output.contains("FAIL chat: cached_tokens within prompt_tokens (5)"), "\(output)")
  }

  /// Runs `Tools/openai-smoke` and returns its exit status and combined output.
  static func runSmoke(baseURL: String, apiKey: String) async throws -> (Int32, String) {
    let result = try await ChildProcess.run(
      repositoryRoot.appendingPathComponent("Tools/openai-smoke"), [baseURL], environment: ["OPENAI_API_KEY": apiKey],
      mergeOutput: true)
    return (result.status, result.stdout)
  }
}
