import CocoonTestSupport
import Foundation
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
import Testing

/// The whole network as three real processes on loopback: RA-TLS between them, sev-snp-mock attestation, the local
/// ledger and the CPU engine serving the reference model, configured like the default cocoon.yaml. The client pays:
/// it deposits with `cocoon-client deposit`; after the requests, the payout and the close, the ledger's balances
/// equal the priced usage to the nano-unit.
@Suite("local network end to end (three processes, RA-TLS, sev-snp-mock, the reference model)", .serialized)
struct LocalNetworkTests {
  static let model = repositoryRoot.appendingPathComponent("models/gemma-3-270m-q4_k_m.gguf")

  /// The default configuration moved to free ports and a private state directory.
  static func configuration(in directory: URL, coordinatorPort: Int, apiPort: Int) throws -> URL {
    var text = try String(contentsOf: repositoryRoot.appendingPathComponent("cocoon.yaml"), encoding: .utf8)
    text = text.replacingOccurrences(of: "127.0.0.1:9301", with: "127.0.0.1:\(coordinatorPort)")
      .replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(apiPort)")
      .replacingOccurrences(of: "path: models/", with: "path: \(repositoryRoot.path)/models/")
      .replacingOccurrences(of: "client_close_delay_seconds: 60", with: "client_close_delay_seconds: 1")
      .replacingOccurrences(of: "settle_interval_seconds: 30", with: "settle_interval_seconds: 1")
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

  /// Runs `cocoon-<role> arguments… --config config` until it succeeds (up to `attempts` times, 200 ms apart).
  static func command(_ role: String, _ arguments: [String], config: URL, attempts: Int = 1) async throws -> String {
    var last = ProcessResult(status: -1, stdout: "", stderr: "")
    for _ in 0..<attempts {
      last = try await runProduct(
        "cocoon-\(role)", arguments + ["--config", config.path], in: config.deletingLastPathComponent())
      if last.status == 0 { return last.stdout }
      try await Task.sleep(for: .milliseconds(200))
    }
    Issue.record("cocoon-\(role) \(arguments.joined(separator: " ")) failed (\(last.status)): \(last.stderr)")
    return last.stdout
  }

  /// The amount at the end of the line starting with `label`, in nano-units (the CLI prints TON with 9 decimals).
  static func amount(_ label: String, in output: String) -> UInt64? {
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(label) }),
      let text = line.split(separator: " ").last
    else { return nil }
    let parts = text.split(separator: ".")
    guard parts.count == 2, parts[1].count == 9, let whole = UInt64(parts[0]), let fraction = UInt64(parts[1]) else {
      return nil
    }
    return whole * 1_000_000_000 + fraction
  }

  /// What one answer costs under cocoon.yaml's prices: `perToken` nano per token, cached prompt tokens at ×0.1.
  static func price(_ usage: [String: Any], perToken: UInt64) -> UInt64 {
    let prompt = UInt64(usage["prompt_tokens"] as? Int ?? 0)
    let completion = UInt64(usage["completion_tokens"] as? Int ?? 0)
    let cached = UInt64(((usage["prompt_tokens_details"] as? [String: Any])?["cached_tokens"] as? Int) ?? 0)
    return ((prompt - cached) * 10_000 + cached * 1_000 + completion * 10_000) * perToken / 10_000
  }

  @Test(
    "paid chat completions, streamed and not, through client → coordinator → node; the ledger adds up",
    .enabled(if: FileManager.default.fileExists(atPath: model.path), "needs the reference model: run Tools/fetch-model"))
  func endToEnd() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-net-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let base = LoopbackPorts.freeBase(in: 20_000...27_999, count: 2)
    let config = try Self.configuration(in: directory, coordinatorPort: base, apiPort: base + 1)
    var processes: [Process] = []
    defer { for process in processes where process.isRunning { process.terminate() } }
    for role in ["coordinator", "node", "client"] {
      processes.append(
        try ChildProcess.start(
          productsDirectory.appendingPathComponent("cocoon-\(role)"), ["--config", config.path, "--log-level", "warning"],
          in: directory, log: directory.appendingPathComponent("\(role).log")))
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

    // Before a deposit the API answers 402 in OpenAI's error shape; then the client deposits 2 (TON on the ledger).
    let unpaidBody = #"{"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2}"#
    let (unpaidStatus, unpaid) = try await Self.post(api.appendingPathComponent("chat/completions"), unpaidBody)
    #expect(unpaidStatus == 402, "\(unpaid)")
    #expect(unpaid.contains("insufficient_quota"), "\(unpaid)")
    let deposit: UInt64 = 2_000_000_000
    _ = try await Self.command("client", ["deposit", "2"], config: config, attempts: 50)

    let body = """
      {"model": "gemma-3-270m", "messages": [{"role": "user", "content": "Name a colour."}], "max_tokens": 8,
       "temperature": 0}
      """
    let (status, text) = try await Self.post(api.appendingPathComponent("chat/completions"), body)
    #expect(status == 200, "\(text)")
    let answer = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let usage = try #require(answer["usage"] as? [String: Any])
    #expect(usage["completion_tokens"] as? Int == 8)
    #expect((usage["prompt_tokens"] as? Int ?? 0) > 0)
    let choice = try #require((answer["choices"] as? [[String: Any]])?.first)
    #expect(choice["finish_reason"] as? String == "length")
    let content = try #require((choice["message"] as? [String: Any])?["content"] as? String)
    #expect(!content.isEmpty)
    var usages = [usage]

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
    let last = try #require(try JSONSerialization.jsonObject(with: Data(chunks.last!.utf8)) as? [String: Any])
    let lastUsage = try #require(last["usage"] as? [String: Any])
    // Greedy decoding: the streamed text equals the non-streamed one, unless the prompt came from the KV cache (its
    // last tokens then run through other kernels and a near-tie may flip, as in llama.cpp).
    let cached = (lastUsage["prompt_tokens_details"] as? [String: Any])?["cached_tokens"] as? Int ?? 0
    if cached == 0 { #expect(deltas.joined() == content) } else { #expect(!deltas.joined().isEmpty) }
    #expect(lastUsage["completion_tokens"] as? Int == 8)
    usages.append(lastUsage)

    // OpenAI's own Python client against the real network (skipped where python3 cannot make a venv).
    if OpenAISmoke.available {
      let usageFile = directory.appendingPathComponent("smoke-usage.json")
      let (smokeStatus, smokeOutput) = try await OpenAISmoke.run(
        arguments: [api.absoluteString, "--model", "gemma-3-270m", "--usage-file", usageFile.path])
      #expect(smokeStatus == 0, "Tools/openai-smoke against the local network:\n\(smokeOutput)")
      let answered = try JSONSerialization.jsonObject(with: Data(contentsOf: usageFile)) as? [[String: Any]]
      #expect(answered?.count == 4)
      usages += answered ?? []
    }
    let expectedCost = usages.reduce(0) { $0 + Self.price($1, perToken: 1000) }
    let expectedEarning = usages.reduce(0) { $0 + Self.price($1, perToken: 800) }

    // SIGTERM: the coordinator settles with the ledger once more as it stops.
    for process in processes { process.terminate() }
    for process in processes { await ChildProcess.waitForExit(process) }
    let balance = try await Self.command("client", ["balance"], config: config)
    #expect(Self.amount("charged", in: balance) == expectedCost, "\(balance)")
    #expect(Self.amount("vouched", in: balance) == expectedCost, "\(balance)")
    let earnings = try await Self.command("node", ["earnings"], config: config)
    #expect(earnings.contains("vouched \(NanoText.units(expectedEarning))"), "\(earnings)")
    let payout = try await Self.command("node", ["payout"], config: config)
    #expect(Self.amount("paid out in all:", in: payout) == expectedEarning, "\(payout)")
    _ = try await Self.command("client", ["close"], config: config)
    try await Task.sleep(for: .milliseconds(1_500))
    let closed = try await Self.command("client", ["close"], config: config)
    #expect(closed.hasPrefix("closed"), "\(closed)")
    let after = try await Self.command("client", ["balance"], config: config)
    #expect(Self.amount("paid out", in: after) == deposit - expectedCost, "\(after)")
    let accounts = try await Self.command("coordinator", ["accounts"], config: config)
    #expect(Self.amount("balance", in: accounts) == expectedCost - expectedEarning, "\(accounts)")
    let coordinatorClosed = try await Self.command("coordinator", ["close"], config: config)
    #expect(Self.amount("closed coordinator", in: coordinatorClosed) == expectedCost - expectedEarning, "\(coordinatorClosed)")
  }
}

/// Amounts as the CLI prints them: TON with 9 decimals.
enum NanoText {
  static func units(_ nano: UInt64) -> String {
    let fraction = String(nano % 1_000_000_000)
    return "\(nano / 1_000_000_000)." + String(repeating: "0", count: 9 - fraction.count) + fraction
  }
}

/// `Tools/openai-smoke`: OpenAI's Python client against an API.
enum OpenAISmoke {
  /// Whether python3 can make a virtual environment (python3-venv, which Tools/setup installs).
  static var available: Bool { ChildProcess.pythonCanMakeVirtualEnvironment }

  /// Runs the smoke test (its first run in a checkout installs the venv); returns its status and all its output.
  static func run(arguments: [String]) async throws -> (Int32, String) {
    let result = try await ChildProcess.run(
      repositoryRoot.appendingPathComponent("Tools/openai-smoke"), arguments, mergeOutput: true)
    return (result.status, result.stdout)
  }
}
