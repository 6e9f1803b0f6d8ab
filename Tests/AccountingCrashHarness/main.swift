// A stand-in coordinator for the crash test: serves an endless stream of paid requests through the real
// accounting library until it is killed. For each request it reserves, records the request as served (the node
// answered), settles, and only then "sends" the vouchers by appending them to a log. Every log line is fsynced.
//
// Usage: AccountingCrashHarness DIRECTORY
import CocoonAccounting
import CocoonCore
import Foundation

/// Appends one line to a file and fsyncs it.
func appendLine(_ line: String, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
  guard descriptor >= 0 else { throw CocoonError(.io, "cannot open \(path)") }
  defer { close(descriptor) }
  let bytes = Array((line + "\n").utf8)
  guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
    throw CocoonError(.io, "cannot append to \(path)")
  }
}

let directory = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
let key = try Ed25519LedgerKey.loadOrCreate(at: directory + "/coordinator.ed25519")
let store = try AccountingStore(
  path: directory + "/coordinator.sqlite", network: "local:crash-test", signer: key,
  prices: Prices(pricePerToken: 1000, nodeFeePerToken: 800, cachedMultiplier: 1000))
try await store.recoverInterrupted()
let clients = ["client-a", "client-b"]
for client in clients where try await store.clientState(client) == nil {
  try await store.syncClient(client, ledger: ClientAccount(balance: NanoAmount(1 << 60), stake: NanoAmount(1 << 60), charged: .zero))
}
let run = UUID().uuidString.prefix(8)
var generator = SystemRandomNumberGenerator()
for index in 0... {
  let id = "\(run)-\(index)"
  let client = clients[index % clients.count]
  let usage = TokenUsage(
    promptTokens: Int.random(in: 1...500, using: &generator), completionTokens: Int.random(in: 0...200, using: &generator))
  try await store.reserve(client: client, requestID: id, maxCost: 1_000_000_000)
  try appendLine(id, to: directory + "/served.log")
  let settlement = try await store.settle(requestID: id, usage: usage, node: "node-\(index % 3)")
  for voucher in [settlement.clientVoucher, settlement.nodeVoucher] {
    let json = String(decoding: try JSONEncoder().encode(voucher), as: UTF8.self)
    try appendLine(json, to: directory + "/vouchers.log")
  }
}
