import CocoonTestSupport
import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The coordinator SIGKILLed at random points while it pays on the TON sandbox chain: every second it submits its
/// clients' charges and commits a checkpoint (journaled wallet orders, confirmed by polling), and the node cashes its
/// earnings by itself whenever 20,000 nanoTON are unpaid. After each kill: the local invariants of the crash test
/// (answers ≤ vouchers ≤ database ≤ requests served) and no payout above what was vouched. At the end: the chain
/// holds exactly the database's charge, the node is paid exactly its last voucher, and each restart served again.
@Suite("Crash safety of the coordinator paying on the TON sandbox chain", .serialized)
struct TONCoordinatorCrashTests {
  static let kills = 20

  @Test(
    "20 SIGKILLs during charges, checkpoints and payouts on TON: nothing paid twice, nothing lost, each restart resumes",
    .enabled(
      if: FileManager.default.fileExists(atPath: TONSandboxNetworkTests.emulator.path),
      "needs the TON emulator: run Tools/fetch-ton-emulator"),
    .timeLimit(.minutes(10)))
  func twentyKills() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-ton-crash-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let base = LoopbackPorts.freeBase(in: 61_000...64_000, count: 3)
    let config = try TONSandboxNetworkTests.configuration(
      directory: directory, sandboxPort: base, coordinatorPort: base + 1, apiPort: base + 2, payoutThresholdNano: 20_000)
    let start = { (product: String, arguments: [String], log: String) in
      try TONSandboxNetworkTests.start(product, arguments, in: directory, log: log)
    }
    let sandbox = try start("cocoon-ton-sandbox", ["serve", "--config", "sandbox.yaml"], "sandbox.log")
    try await Task.sleep(for: .seconds(1))
    let roleArguments = ["--config", config.path, "--log-level", "info"]
    var coordinator = try start("cocoon-coordinator", roleArguments, "coordinator.log")
    let node = try start("cocoon-node-echo", roleArguments, "node.log")
    let client = try start("cocoon-client", roleArguments, "client.log")
    defer { for process in [coordinator, node, client, sandbox] where process.isRunning { process.terminate() } }
    _ = try await TONSandboxNetworkTests.command("client", ["deposit", "5"], config: config, attempts: 60)

    let answered = Tally()
    let workers = EchoNetwork.startWorkers(
      api: URL(string: "http://127.0.0.1:\(base + 2)/v1/completions")!, tally: answered, count: 2,
      retryDelay: .milliseconds(100)
    ) { worker, index in #"{"model": "echo-model", "prompt": "w\#(worker) n\#(index) x", "max_tokens": 8}"# }
    defer { answered.stop() }
    var resumed = 0
    var interruptedOrders = 0
    for round in 0..<Self.kills {
      // Let it serve (its settlement writes every second), or kill it during start-up and recovery.
      let before = answered.withLock { $0.count }
      if round.isMultiple(of: 2) {
        for _ in 0..<400 where answered.withLock({ $0.count }) == before { try await Task.sleep(for: .milliseconds(20)) }
      }
      if answered.withLock({ $0.count }) > before { resumed += 1 }
      try await Task.sleep(for: .milliseconds(Int.random(in: 0...1_500)))
      kill(coordinator.processIdentifier, SIGKILL)
      await ChildProcess.waitForExit(coordinator)
      #expect(coordinator.terminationReason == .uncaughtSignal, "round \(round): the coordinator stopped by itself")
      // A wallet order journaled and not yet confirmed: the kill fell between sending and confirming.
      if try Self.coordinatorOrderPending(in: directory) { interruptedOrders += 1 }
      try await CoordinatorCrashTests().checkInvariants(
        directory: directory, answered: answered.withLock { $0 }, round: round)
      let (vouched, paid) = try await Self.nodeEarnings(config: config)
      #expect(paid <= vouched, "round \(round): the node was paid \(paid), above the \(vouched) vouched")
      coordinator = try start("cocoon-coordinator", roleArguments, "coordinator.log")
    }
    // After the last restart it serves again; then it stops gracefully, submitting what is pending.
    let before = answered.withLock { $0.count }
    for _ in 0..<1_000 where answered.withLock({ $0.count }) == before { try await Task.sleep(for: .milliseconds(20)) }
    #expect(answered.withLock { $0.count } > before, "the coordinator serves after its last restart")
    answered.stop()
    await workers.value
    await ChildProcess.stop(coordinator)
    let total = answered.withLock { $0 }
    print(
      "TON coordinator crash test: \(Self.kills) kills (\(interruptedOrders) between sending an order and its "
        + "confirmation; \(resumed) restarts served before the next kill), \(total.count) paid answers "
        + "(\(total.cost) nano)")
    #expect(total.count >= Self.kills, "too few requests were answered between the kills to test much")
    #expect(resumed >= Self.kills / 4, "restarts that served before the next kill: \(resumed)")
    try await CoordinatorCrashTests().checkInvariants(directory: directory, answered: total, round: Self.kills)

    // Nothing lost on the chain: the client contract's charge is the database's, to the nano.
    let charged = try await Self.databaseCharge(directory: directory)
    let balance = try await TONSandboxNetworkTests.command("client", ["balance"], config: config)
    #expect(LocalNetworkTests.amount("charged", in: balance) == charged, "\(balance)")
    // Nothing paid twice: after a last payout the node contract paid exactly the node's last voucher.
    _ = try await TONSandboxNetworkTests.command("node", ["payout"], config: config)
    let (vouched, paid) = try await Self.nodeEarnings(config: config)
    #expect(vouched > 0 && paid == vouched, "vouched \(vouched), paid \(paid)")
    let nodeLog = try String(contentsOf: directory.appendingPathComponent("node.log"), encoding: .utf8)
    #expect(nodeLog.contains("cashed earnings"), "the node never cashed its earnings by itself")
    let log = try String(contentsOf: directory.appendingPathComponent("coordinator.log"), encoding: .utf8)
    #expect(!log.contains("rolled back"), "a restart found its database rolled back")
  }

  /// The node's earnings from `cocoon-node earnings`: (vouched, paid) in nanoTON.
  static func nodeEarnings(config: URL) async throws -> (vouched: UInt64, paid: UInt64) {
    let text = try await TONSandboxNetworkTests.command("node", ["earnings"], config: config, attempts: 3)
    guard let line = text.split(separator: "\n").first(where: { $0.contains("vouched") }) else { return (0, 0) }
    let words = line.replacingOccurrences(of: ",", with: "").split(separator: " ")
    let value = { (label: String) -> UInt64 in
      guard let index = words.firstIndex(of: Substring(label)), index + 1 < words.count else { return 0 }
      return LocalNetworkTests.amount("x", in: "x " + words[index + 1]) ?? 0
    }
    return (value("vouched"), value("paid"))
  }

  /// Whether the coordinator's wallet has an order journaled and unconfirmed (its wallet, as its log names it, keys
  /// the journal file in the TON state folder).
  static func coordinatorOrderPending(in directory: URL) throws -> Bool {
    let log = try String(contentsOf: directory.appendingPathComponent("coordinator.log"), encoding: .utf8)
    guard let range = log.range(of: "wallet=0:") else { return false }
    let hash = log[range.upperBound...].prefix(64)
    return FileManager.default.fileExists(atPath: directory.appendingPathComponent("ton-keys/\(hash).pending.json").path)
  }

  /// The cumulative charge of every client in the coordinator's database.
  static func databaseCharge(directory: URL) async throws -> UInt64 {
    let database = try DatabaseQueue(path: directory.appendingPathComponent("coordinator.sqlite").path)
    defer { try? database.close() }
    return UInt64(try await database.read { try Int64.fetchOne($0, sql: "SELECT COALESCE(SUM(charged), 0) FROM client") ?? 0 })
  }
}
