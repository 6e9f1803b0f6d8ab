import CocoonCore
import CocoonTestSupport
import Crypto
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The network paying on TON: `cocoon-ton-sandbox` (the real emulator behind a TON Center API) and the three roles
/// as processes, the Cocoon contracts deployed by the `ton-sandbox` plugin on first use. The node is the echo
/// backend, so the test is about payments, not inference.
@Suite("Paid requests on the TON sandbox chain (four processes)", .serialized)
struct TONSandboxNetworkTests {
  static let emulator = repositoryRoot.appendingPathComponent(".tools/ton/libemulator.so")

  /// The three roles and the sandbox on loopback ports, paying on the sandbox chain; the registry pins the echo
  /// node's weights by their SHA-256. Every settlement writes; nodes cash by command unless `payoutThresholdNano`.
  static func configuration(
    directory: URL, sandboxPort: Int, coordinatorPort: Int, apiPort: Int, payoutThresholdNano: UInt64 = 0
  ) throws -> URL {
    try "ton_sandbox:\n  listen: 127.0.0.1:\(sandboxPort)\n  state_path: sandbox-state\n"
      .write(to: directory.appendingPathComponent("sandbox.yaml"), atomically: true, encoding: .utf8)
    let weightsHash = try EchoNetwork.writeWeights(in: directory)
    let roles = EchoNetwork.roleSections(coordinatorPort: coordinatorPort, apiPort: apiPort, weightsHash: weightsHash)
    let text = """
      network: {name: ton-test, insecure: true}
      payment:
        plugin: ton-sandbox
        options:
          endpoint: "http://127.0.0.1:\(sandboxPort)/api/v2"
          keys: ton-keys
          # Every settlement writes, so the test sees each charge within a second.
          charge_at_stake_fraction: 0
          checkpoint_interval_minutes: 0
          node_payout_threshold_nano: \(payoutThresholdNano)
      registry:
        models: [{name: echo-model, sha256: \(weightsHash)}]
        prices: {price_per_token: 1000, node_fee_per_token: 800}
        min_client_stake_nano: 1000000000
        client_close_delay_seconds: 1
      \(roles)
      """
    let file = directory.appendingPathComponent("cocoon.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  static func start(_ product: String, _ arguments: [String], in directory: URL, log: String) throws -> Process {
    try ChildProcess.start(
      productsDirectory.appendingPathComponent(product), arguments, in: directory,
      environment: ["COCOON_TON_EMULATOR": emulator.path], log: directory.appendingPathComponent(log))
  }

  /// Runs `cocoon-<role> arguments… --config config` until it succeeds (up to `attempts` times), each try bounded
  /// by `timeout`; a failure is recorded with the tails of the roles' logs.
  static func command(
    _ role: String, _ arguments: [String], config: URL, attempts: Int = 1, timeout: Duration = .seconds(60)
  ) async throws -> String {
    let directory = config.deletingLastPathComponent()
    var last = ProcessResult(status: -1, stdout: "", stderr: "")
    for _ in 0..<attempts {
      last = try await ChildProcess.run(
        productsDirectory.appendingPathComponent("cocoon-\(role)"), arguments + ["--config", config.path],
        in: directory, environment: ["COCOON_TON_EMULATOR": emulator.path], timeout: timeout)
      if last.status == 0 && !last.timedOut { return last.stdout }
      try await Task.sleep(for: .milliseconds(500))
    }
    let outcome = last.timedOut ? "ran past \(timeout) and was killed" : "failed (\(last.status))"
    Issue.record("cocoon-\(role) \(arguments.joined(separator: " ")) \(outcome): \(last.stderr)\n\(logTails(in: directory))")
    return last.stdout
  }

  /// The last lines of every role's log, for a failure's message.
  static func logTails(in directory: URL, lines: Int = 12) -> String {
    ["sandbox", "coordinator", "node", "client"].map { name in
      let text = (try? String(contentsOf: directory.appendingPathComponent("\(name).log"), encoding: .utf8)) ?? ""
      return "--- \(name).log\n" + text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// Prints how far the test got, so a run that hits the time limit shows the step it hung in.
  static func progress(_ step: String, since start: ContinuousClock.Instant) {
    print("TON network test: \(step) after \(ContinuousClock.now - start)")
  }

  @Test(
    "deposit, paid requests, node payout and client close on the contracts; charges equal the priced usage",
    .enabled(
      if: FileManager.default.fileExists(atPath: emulator.path), "needs the TON emulator: run Tools/fetch-ton-emulator"),
    .timeLimit(.minutes(5)))
  func paysOnTON() async throws {
    let start = ContinuousClock.now
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-ton-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let base = LoopbackPorts.freeBase(in: 28_000...32_699, count: 3)
    let config = try Self.configuration(
      directory: directory, sandboxPort: base, coordinatorPort: base + 1, apiPort: base + 2)
    var processes = [
      try Self.start("cocoon-ton-sandbox", ["serve", "--config", "sandbox.yaml"], in: directory, log: "sandbox.log")
    ]
    defer { for process in processes where process.isRunning { process.terminate() } }
    try await Task.sleep(for: .seconds(1))
    for (product, log) in [("cocoon-coordinator", "coordinator.log"), ("cocoon-node-echo", "node.log"), ("cocoon-client", "client.log")] {
      processes.append(try Self.start(product, ["--config", config.path, "--log-level", "info"], in: directory, log: log))
    }
    _ = try await Self.command("client", ["deposit", "2"], config: config, attempts: 60)
    Self.progress("deposited", since: start)

    let api = URL(string: "http://127.0.0.1:\(base + 2)/v1/completions")!
    var expectedCost: UInt64 = 0
    var expectedEarning: UInt64 = 0
    for index in 0..<3 {
      let body = #"{"model": "echo-model", "prompt": "one two three \#(index)", "max_tokens": 16}"#
      var answered = false
      for _ in 0..<60 where !answered {
        if let (status, text) = try? await LocalNetworkTests.post(api, body), status == 200,
          let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
          let usage = object["usage"] as? [String: Any]
        {
          expectedCost += LocalNetworkTests.price(usage, perToken: 1000)
          expectedEarning += LocalNetworkTests.price(usage, perToken: 800)
          answered = true
        } else {
          try await Task.sleep(for: .milliseconds(500))
        }
      }
      #expect(answered, "request \(index) was not answered")
    }
    #expect(expectedCost > 0)
    Self.progress("3 requests answered", since: start)

    // The coordinator submits the charge to the client contract every second.
    var charged: UInt64?
    for _ in 0..<30 {
      charged = LocalNetworkTests.amount("charged", in: try await Self.command("client", ["balance"], config: config))
      if charged == expectedCost { break }
      try await Task.sleep(for: .seconds(1))
    }
    #expect(charged == expectedCost)
    Self.progress("charges on the client contract", since: start)
    let earnings = try await Self.command("node", ["earnings"], config: config)
    #expect(earnings.contains("vouched \(NanoText.units(expectedEarning)), paid 0.000000000"), "\(earnings)")
    _ = try await Self.command("node", ["payout"], config: config)
    let paid = try await Self.command("node", ["earnings"], config: config)
    #expect(
      paid.contains("vouched \(NanoText.units(expectedEarning)), paid \(NanoText.units(expectedEarning))"), "\(paid)")
    _ = try await Self.command("client", ["close"], config: config)
    try await Task.sleep(for: .seconds(2))
    let closed = try await Self.command("client", ["close"], config: config)
    #expect(closed.hasPrefix("closed"), "\(closed)")
    let balance = try await Self.command("client", ["balance"], config: config)
    #expect(LocalNetworkTests.amount("charged", in: balance) == expectedCost, "\(balance)")
    #expect(balance.contains("state       closed"), "\(balance)")
    Self.progress("node paid, client closed", since: start)

    // The roles stop (the coordinator settles once more); its client closed and its node was paid, so it closes.
    for process in processes.dropFirst() where await ChildProcess.stop(process, deadline: .seconds(45)) {
      Issue.record("a role did not stop within 45 s of SIGTERM\n\(Self.logTails(in: directory))")
    }
    Self.progress("roles stopped", since: start)
    // The chain does not index a coordinator's accounts: `accounts` reads each one its database knows.
    let accounts = try await Self.command("coordinator", ["accounts"], config: config)
    #expect(accounts.contains("charged \(NanoText.units(expectedCost))  vouched \(NanoText.units(expectedCost))  closed"), "\(accounts)")
    #expect(accounts.contains("paid \(NanoText.units(expectedEarning))  vouched \(NanoText.units(expectedEarning))"), "\(accounts)")
    let coordinatorClosed = try await Self.command("coordinator", ["close"], config: config)
    #expect(coordinatorClosed.hasPrefix("closed coordinator"), "\(coordinatorClosed)")

    // To the nano-TON, on every account the three wallets reached (their contracts, the root): the balance is what
    // came in minus what went out minus the fees the emulator charged; all balances plus all fees are what the
    // faucet granted. With the contracts' charged and paid totals above (= the priced usage), nothing is unaccounted.
    let wallets = try ["coordinator", "node", "client"].map { try Self.wallet(in: directory.appendingPathComponent("\($0).log")) }
    let audit = try await TONChainAudit.read(api: URL(string: "http://127.0.0.1:\(base)/api/v2")!, from: wallets)
    for account in audit.accounts.values {
      #expect(account.balance == account.flowBalance, "\(account.address): balance \(account.balance), flows \(account.flowBalance)")
    }
    #expect(audit.totalBalance + audit.totalFees == audit.granted)
    #expect(audit.accounts.count >= 7, "3 wallets, the root, and the coordinator, client and node contracts")
    // Closed contracts keep nothing: of the contracts, only the registry (root) still holds TON.
    let holding = audit.accounts.values.filter { !wallets.contains($0.address) && $0.balance != 0 }
    #expect(holding.count == 1, "contracts still holding TON: \(holding.map { "\($0.address) \($0.balance)" })")
    print("TON audit: \(audit.accounts.count) accounts, \(audit.totalFees) nanoTON of fees, priced usage \(expectedCost)")
  }

  /// The wallet a role's log names (`TON payment network ready … wallet=0:<hex>`).
  static func wallet(in log: URL) throws -> String {
    let text = try String(contentsOf: log, encoding: .utf8)
    guard let range = text.range(of: "wallet=0:") else { throw CocoonError(.invalidArgument, "no wallet in \(log.path)") }
    return "0:" + text[range.upperBound...].prefix(64)
  }
}

/// The SHA-256 of a file, as lower-case hex.
func sha256Hex(of file: URL) throws -> String {
  SHA256.hash(data: try Data(contentsOf: file)).map { String(format: "%02x", $0) }.joined()
}
