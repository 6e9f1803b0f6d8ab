import CocoonAccounting
import CocoonCore
import CocoonTestSupport
import Foundation
import GRDB
import Testing

/// The folder holding the built executables: beside the test bundle.
private let productsDirectory: URL = {
  var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  while url.path != "/"
    && !FileManager.default.fileExists(atPath: url.appendingPathComponent("AccountingCrashHarness").path)
  {
    url = url.deletingLastPathComponent()
  }
  return url
}()

@Suite("Crash safety: SIGKILL at random points loses and doubles nothing")
struct CrashTests {
  @Test("50 kills during a stream of paid requests; after each, vouchers ≤ database ≤ requests served")
  func killedFiftyTimes() async throws {
    let harness = productsDirectory.appendingPathComponent("AccountingCrashHarness")
    try #require(FileManager.default.isExecutableFile(atPath: harness.path), "build AccountingCrashHarness first")
    let directory = try temporaryDirectory()
    var settled = 0
    for round in 0..<50 {
      let servedBefore = fileSize(directory + "/served.log")
      let process = try ChildProcess.start(harness, [directory])
      if round.isMultiple(of: 2) {
        // Kill mid-stream: wait for the first request of this run, then a little more.
        for _ in 0..<500 where fileSize(directory + "/served.log") == servedBefore {
          try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(Int.random(in: 0...100)))
      } else {
        // Kill anywhere, start-up and recovery included.
        try await Task.sleep(for: .milliseconds(Int.random(in: 10...250)))
      }
      kill(process.processIdentifier, SIGKILL)
      await ChildProcess.waitForExit(process)
      #expect(process.terminationReason == .uncaughtSignal, "round \(round): the harness stopped by itself")
      settled = try await checkConsistency(directory)
    }
    #expect(settled > 50, "the harness settled only \(settled) requests in 50 runs")
  }

  /// Checks the invariants after a kill and returns how many requests are settled.
  func checkConsistency(_ directory: String) async throws -> Int {
    let key = try Ed25519LedgerKey.loadOrCreate(at: directory + "/coordinator.ed25519")
    let store = try AccountingStore(
      path: directory + "/coordinator.sqlite", network: "local:crash-test", signer: key, prices: testPrices)
    let served = Set(try lines(directory + "/served.log"))
    let (settledIDs, charges, earnings) = try store.pool.read { db in
      (
        try String.fetchAll(db, sql: "SELECT id FROM request WHERE status = 'settled'"),
        try Row.fetchAll(db, sql: "SELECT client, sum(cost) AS total FROM request WHERE status = 'settled' GROUP BY client"),
        try Row.fetchAll(db, sql: "SELECT node, sum(nodeEarning) AS total FROM request WHERE status = 'settled' GROUP BY node")
      )
    }
    // Database ≤ requests served: every settled request was served.
    #expect(Set(settledIDs).isSubset(of: served))
    // Nothing doubled: each account's cumulative amount equals the sum of its settled requests.
    for row in charges {
      let state = try #require(try await store.clientState(row["client"]))
      #expect(state.charged.rawValue == UInt64(row["total"] as Int64))
    }
    for row in earnings {
      let state = try #require(try await store.nodeState(row["node"]))
      #expect(state.earned.rawValue == UInt64(row["total"] as Int64))
    }
    // Vouchers sent ≤ database: none is ahead of the account it was issued for.
    for line in try lines(directory + "/vouchers.log") {
      guard let voucher = try? JSONDecoder().decode(PaymentVoucher.self, from: Data(line.utf8)) else { continue }
      let known: (UInt64, NanoAmount)? =
        voucher.kind == .nodeEarning
        ? try await store.nodeState(voucher.counterparty).map { ($0.voucherSequence, $0.earned) }
        : try await store.clientState(voucher.counterparty).map { ($0.voucherSequence, $0.charged) }
      let (sequence, amount) = try #require(known)
      #expect(voucher.sequence <= sequence && voucher.amount <= amount)
    }
    try await RollbackCheck.verify(store, lastCheckpoint: nil, presented: [])
    return settledIDs.count
  }

  private func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }

  private func lines(_ path: String) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
