import Foundation
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
import Testing

/// The whole network as three real processes on loopback: RA-TLS between them, sev-snp-mock attestation, the local
/// ledger and the CPU engine serving the reference model, configured like the default cocoon.yaml.
@Suite("local network end to end (three processes, RA-TLS, sev-snp-mock, the reference model)", .serialized)
struct LocalNetworkTests {
  static let model = repositoryRoot.appendingPathComponent("models/gemma-3-270m-q4_k_m.gguf")

  /// The default configuration moved to free ports and a private state directory.
  static func configuration(in directory: URL, coordinatorPort: Int, apiPort: Int) throws -> URL {
    var text = try String(contentsOf: repositoryRoot.appendingPathComponent("cocoon.yaml"), encoding: .utf8)
    text = text.replacingOccurrences(of: "127.0.0.1:9301", with: "127.0.0.1:\(coordinatorPort)")
      .replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(apiPort)")
      .replacingOccurrences(of: "path: models/", with: "path: \(repositoryRoot.path)/models/")
    let file = directory.appendingPathComponent("cocoon.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  static func post(_ url: URL, _ body: String) async throws -> (Int, String) {
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(body.utf8)
    request.timeoutInterval = 120
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  @Test(
    "chat completions, streamed and not, through client → coordinator → node",
    .enabled(if: FileManager.default.fileExists(atPath: model.path), "needs the reference model: run Tools/fetch-model"))
  func endToEnd() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-net-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let base = Int.random(in: 20_000...40_000)
    let config = try Self.configuration(in: directory, coordinatorPort: base, apiPort: base + 1)
    var processes: [Process] = []
    defer { for process in processes where process.isRunning { process.terminate() } }
    for role in ["coordinator", "node", "client"] {
      let process = Process()
      process.executableURL = productsDirectory.appendingPathComponent("cocoon-\(role)")
      process.arguments = ["--config", config.path, "--log-level", "warning"]
      process.currentDirectoryURL = directory
      process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
      process.standardError = try FileHandle(forWritingTo: {
        let log = directory.appendingPathComponent("\(role).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        return log
      }())
      try process.run()
      processes.append(process)
    }
    let api = URL(string: "http://127.0.0.1:\(base + 1)/v1")!
    // Wait until the node has joined: the model list names the reference model.
    var models = ""
    for _ in 0..<300 {
      if let (data, _) = try? await URLSession.shared.data(from: api.appendingPathComponent("models")) {
        models = String(decoding: data, as: UTF8.self)
        if models.contains("gemma-3-270m") { break }
      }
      try await Task.sleep(for: .milliseconds(200))
    }
    #expect(models.contains("\"id\":\"gemma-3-270m\""))

    let body = """
      {"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Name a colour."}], "max_tokens": 8,
       "temperature": 0}
      """
    let (status, text) = try await Self.post(api.appendingPathComponent("chat/completions"), body)
    #expect(status == 200)
    let answer = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let usage = try #require(answer["usage"] as? [String: Any])
    #expect(usage["completion_tokens"] as? Int == 8)
    #expect((usage["prompt_tokens"] as? Int ?? 0) > 0)
    let choice = try #require((answer["choices"] as? [[String: Any]])?.first)
    #expect(choice["finish_reason"] as? String == "length")
    let content = try #require((choice["message"] as? [String: Any])?["content"] as? String)
    #expect(!content.isEmpty)

    let streamed = body.replacingOccurrences(
      of: "\"temperature\": 0}", with: "\"temperature\": 0, \"stream\": true, \"stream_options\": {\"include_usage\": true}}")
    let (streamStatus, events) = try await Self.post(api.appendingPathComponent("chat/completions"), streamed)
    #expect(streamStatus == 200)
    let lines = events.split(separator: "\n", omittingEmptySubsequences: true)
    #expect(lines.allSatisfy { $0.hasPrefix("data: ") })
    #expect(lines.last == "data: [DONE]")
    let chunks = lines.dropLast().map { String($0.dropFirst(6)) }
    let deltas = chunks.compactMap { chunk -> String? in
      guard let object = try? JSONSerialization.jsonObject(with: Data(chunk.utf8)) as? [String: Any],
        let choice = (object["choices"] as? [[String: Any]])?.first,
        let delta = choice["delta"] as? [String: Any]
      else { return nil }
      return delta["content"] as? String
    }
    // Greedy decoding: the streamed text equals the non-streamed one.
    #expect(deltas.joined() == content)
    let last = try #require(try JSONSerialization.jsonObject(with: Data(chunks.last!.utf8)) as? [String: Any])
    #expect((last["usage"] as? [String: Any])?["completion_tokens"] as? Int == 8)
  }
}
