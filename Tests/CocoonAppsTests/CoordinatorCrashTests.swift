import CocoonAccounting
import CocoonCore
import CocoonTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The coordinator process SIGKILLed at random points while a client streams paid requests through it to a node:
/// after each kill, nothing the client was told is missing from the database, nothing is counted twice, nothing
/// is counted that the node did not serve, and the coordinator restarts (its rollback check passes).
@Suite("Crash safety of the real coordinator process", .serialized)
struct CoordinatorCrashTests {
  static func configuration(directory: URL, coordinatorPort: Int, apiPort: Int) throws -> URL {
    let hash = try EchoNetwork.writeWeights(in: directory)
    let roles = EchoNetwork.roleSections(
      coordinatorPort: coordinatorPort, apiPort: apiPort, weightsHash: hash, nodeMaxActiveRequests: 8)
    let text = """
      network:
        name: crash-test
        insecure: true
      payment:
        plugin: local
        options:
          path: ledger.sqlite
      registry:
        models:
          - name: echo-model
            sha256: \(hash)
        prices: {price_per_token: 1000, node_fee_per_token: 800, prompt_multiplier: 10000, cached_multiplier: 1000,
                 completion_multiplier: 10000, reasoning_multiplier: 10000}
        min_client_stake_nano: 1000000000
        client_close_delay_seconds: 1
      \(roles)
      """
    let file = directory.appendingPathComponent("cocoon.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  static func start(_ product: String, config: URL, log: String) throws -> Process {
    let directory = config.deletingLastPathComponent()
    return try ChildProcess.start(
      productsDirectory.appendingPathComponent(product), ["--config", config.path, "--log-level", "info"],
      in: directory, log: directory.appendingPathComponent(log))
  }

  @Test("50 SIGKILLs during paid requests: answers ≤ vouchers ≤ database ≤ requests the node served")
  func fiftyKills() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-crash-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let base = LoopbackPorts.freeBase(in: 10_000...17_999, count: 2)
    let config = try Self.configuration(directory: directory, coordinatorPort: base, apiPort: base + 1)
    var coordinator = try Self.start("cocoon-coordinator", config: config, log: "coordinator.log")
    let node = try Self.start("cocoon-node-echo", config: config, log: "node.log")
    let client = try Self.start("cocoon-client", config: config, log: "client.log")
    defer { for process in [coordinator, node, client] where process.isRunning { process.terminate() } }
    _ = try await LocalNetworkTests.command("client", ["deposit", "100"], config: config, attempts: 100)

    // A steady stream of paid requests from four workers; each answered request's cost is recorded.
    let api = URL(string: "http://127.0.0.1:\(base + 1)/v1/completions")!
    let answered = Tally()
    let workers = EchoNetwork.startWorkers(api: api, tally: answered, count: 4, retryDelay: .milliseconds(50)) {
      worker, index in
      let words = (0..<(1 + (worker + index) % 6)).map { "w\($0)" }.joined(separator: " ")
      return #"{"model": "echo-model", "prompt": "\#(words)", "max_tokens": 16}"#
    }
    defer { answered.stop() }

    var restarts = 0
    for round in 0..<50 {
      // Let it serve a little (or kill it during start-up and recovery), then SIGKILL.
      let before = answered.withLock { $0.count }
      if round.isMultiple(of: 2) {
        for _ in 0..<300 where answered.withLock({ $0.count }) == before { try await Task.sleep(for: .milliseconds(20)) }
      }
      try await Task.sleep(for: .milliseconds(Int.random(in: 0...300)))
      kill(coordinator.processIdentifier, SIGKILL)
      await ChildProcess.waitForExit(coordinator)
      #expect(coordinator.terminationReason == .uncaughtSignal, "round \(round): the coordinator stopped by itself")
      try await checkInvariants(directory: directory, answered: answered.withLock { $0 }, round: round)
      coordinator = try Self.start("cocoon-coordinator", config: config, log: "coordinator.log")
      restarts += 1
    }
    // After the last restart it serves again.
    let before = answered.withLock { $0.count }
    for _ in 0..<500 where answered.withLock({ $0.count }) == before { try await Task.sleep(for: .milliseconds(20)) }
    #expect(answered.withLock { $0.count } > before, "the coordinator serves after its 50th restart")
    #expect(restarts == 50)
    let total = answered.withLock { $0 }
    print("coordinator crash test: 50 kills, \(total.count) paid answers (\(total.cost) nano) across them")
    #expect(total.count >= 50, "too few requests were answered between the kills to test much")
    answered.stop()
    await workers.value
    let log = try String(contentsOf: directory.appendingPathComponent("coordinator.log"), encoding: .utf8)
    #expect(!log.contains("rolled back"), "a restart found its database rolled back")
  }

  /// With the coordinator dead: answers ≤ the client's voucher ≤ the database's charge = the sum of its settled
  /// requests; settled requests ≤ requests the node finished.
  func checkInvariants(directory: URL, answered: (count: Int, cost: UInt64), round: Int) async throws {
    let database = try DatabaseQueue(path: directory.appendingPathComponent("coordinator.sqlite").path)
    defer { try? database.close() }
    let (charged, settledCost, settledCount): (Int64, Int64, Int) = try await database.read { db in
      (
        try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(charged), 0) FROM client") ?? 0,
        try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(cost), 0) FROM request WHERE status = 'settled'") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request WHERE status = 'settled'") ?? 0
      )
    }
    // Nothing counted twice: the cumulative charge is the sum of the settled requests.
    #expect(charged == settledCost, "round \(round): charged \(charged) ≠ settled requests \(settledCost)")
    // Nothing lost: every answer the client got is in the database.
    #expect(UInt64(charged) >= answered.cost, "round \(round): answers cost \(answered.cost), database \(charged)")
    #expect(settledCount >= answered.count, "round \(round)")
    // Vouchers ≤ database.
    let wallet = try VoucherWallet(path: directory.appendingPathComponent(".cocoon/vouchers/client.json").path)
    for voucher in await wallet.all {
      #expect(voucher.amount.rawValue <= UInt64(charged), "round \(round): voucher \(voucher.amount) above the database")
    }
    // Database ≤ what the node served (it logs each request just after sending its final answer).
    try await Task.sleep(for: .milliseconds(50))
    let nodeLog = (try? String(contentsOf: directory.appendingPathComponent("node.log"), encoding: .utf8)) ?? ""
    let served = nodeLog.components(separatedBy: "request done").count - 1
    #expect(settledCount <= served, "round \(round): \(settledCount) settled, the node finished \(served)")
  }
}

/// Answered requests and what they cost, counted from several tasks.
final class Tally: Sendable {
  private let state = Mutex<(count: Int, cost: UInt64)>((0, 0))
  private let stopFlag = Mutex(false)
  var stopped: Bool { stopFlag.withLock { $0 } }
  func stop() { stopFlag.withLock { $0 = true } }
  func withLock<R>(_ body: (inout (count: Int, cost: UInt64)) -> R) -> R { state.withLock { body(&$0) } }
}
