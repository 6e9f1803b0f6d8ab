// Measures what the network path costs: time-to-first-token through client → coordinator → node versus calling
// the backend directly, and routed requests per second, all in one process over loopback (tcp transport).
//
//   swift run -c release bench-routing [--requests N] [--concurrency C] [--paid]
//
// With --paid the coordinator charges every request through its accounting database on a local ledger in a
// temporary folder (reserve, settle, vouchers: durable SQLite commits), as the default deployment does.
import CocoonAccounting
import CocoonClient
import CocoonCoordinator
import CocoonCore
import CocoonNode
import CocoonPaymentLocal
import CocoonTransportTCP
import CocoonWire
import Foundation
import Logging

/// A backend that answers instantly with a fixed number of one-word tokens, so only the path is measured.
struct InstantModel: LoadedModel {
  let id: ModelID = "bench"
  let contextLength = 4096
  let tokens: Int

  func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
    AsyncThrowingStream { continuation in
      for index in 0..<tokens { continuation.yield(.delta(index == 0 ? "t" : " t")) }
      continuation.yield(.finished(.stop, TokenUsage(promptTokens: 4, completionTokens: tokens)))
      continuation.finish()
    }
  }
}

func argument(_ name: String, default value: Int) -> Int {
  let arguments = CommandLine.arguments
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = Int(arguments[index + 1])
  else { return value }
  return parsed
}

func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }
func milliseconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let requests = argument("--requests", default: 20_000)
let concurrency = argument("--concurrency", default: 64)
let samples = argument("--samples", default: 300)
let paid = CommandLine.arguments.contains("--paid")

var logger = Logger(label: "bench")
logger.logLevel = .critical
let context = PluginContext(role: .node, logger: logger, baseDirectory: "/tmp", insecureAllowed: true)
let transport = try await TCPTransportPlugin.make(options: .init(insecure: true), context: context)
func security(_ role: Role) -> TransportSecurity {
  TransportSecurity(role: role, provider: nil, verifiers: [:], policy: AttestationPolicy(allowedImageHashes: [:]), configHash: Data())
}

let model = InstantModel(tokens: 1)
let pool = NodePool(maxQueuedRequests: 100_000)
let prices = Prices(pricePerToken: 1000, nodeFeePerToken: 800)

/// A fresh local ledger with a funded client, and the coordinator's accounting on it.
struct PaidSetup {
  let accounting: CoordinatorAccounting
  let client: ClientPayments
  let node: NodePayments
  let endpoint: Endpoint

  init(endpoint: Endpoint, logger: Logger) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let registry = RegistrySnapshot(
      allowedImageHashes: [:], models: [], coordinators: [], prices: prices, minimumClientStake: 1,
      minimumNodeStake: .zero, clientCloseDelay: 0)
    let ledger = try LocalLedger(path: directory + "/ledger.sqlite", registrySeed: registry)
    let (coordinatorKey, clientKey, nodeKey) = (Ed25519LedgerKey(), Ed25519LedgerKey(), Ed25519LedgerKey())
    let coordinatorNetwork = LocalPaymentNetwork(ledger: ledger, signer: coordinatorKey)
    let clientNetwork = LocalPaymentNetwork(ledger: ledger, signer: clientKey)
    try await coordinatorNetwork.registerCoordinator(endpoint: "\(endpoint)")
    try await clientNetwork.deposit(client: clientKey.address, coordinator: coordinatorKey.address, amount: NanoAmount(1 << 50))
    try await clientNetwork.increaseStake(
      client: clientKey.address, coordinator: coordinatorKey.address, amount: NanoAmount(1 << 50))
    let store = try AccountingStore(
      path: directory + "/coordinator.sqlite", network: ledger.networkID, signer: coordinatorKey, prices: prices,
      minimumStake: 1)
    accounting = CoordinatorAccounting(store: store, network: coordinatorNetwork, logger: logger)
    client = ClientPayments(
      network: clientNetwork, signer: clientKey, wallet: try VoucherWallet(path: directory + "/client.json"))
    node = NodePayments(
      network: LocalPaymentNetwork(ledger: ledger, signer: nodeKey), signer: nodeKey,
      wallet: try VoucherWallet(path: directory + "/node.json"))
    self.endpoint = endpoint
  }
}

let listen = Endpoint(host: "127.0.0.1", port: paid ? Int.random(in: 30_000...40_000) : 0)
let payments = paid ? try await PaidSetup(endpoint: listen, logger: logger) : nil
let coordinator = CoordinatorServer(
  endpoint: listen, transport: transport, security: security(.coordinator), pool: pool,
  clients: ClientRequestHandler(pool: pool, prices: prices, accounting: payments?.accounting, logger: logger),
  accounting: payments?.accounting, allowedModels: nil, networkID: payments?.accounting.network.networkID ?? "bench",
  logger: logger)
print(paid ? "paid: every request reserved, settled and vouched on a local ledger" : "unpaid (add --paid to charge)")

try await withThrowingTaskGroup(of: Void.self) { group in
  group.addTask { try await coordinator.run() }
  while coordinator.listeningOn == nil { try await Task.sleep(for: .milliseconds(5)) }
  let models = LoadedModels()
  await models.add(model, spec: ModelSpec(name: model.id, path: "/dev/null"))
  await models.finishLoading()
  let node = CoordinatorLinkService(
    endpoint: coordinator.listeningOn!, transport: transport, security: security(.node), models: models,
    handler: NodeQueryHandler(models: models, maxActiveRequests: 4096, logger: logger), maxActiveRequests: 4096,
    payments: payments?.node, logger: logger)
  group.addTask { try await node.run() }
  while await pool.nodeCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
  let client = CoordinatorLink(
    endpoints: [coordinator.listeningOn!], transport: transport, security: security(.client),
    payments: payments?.client, logger: logger)
  group.addTask { try await client.run() }
  let request = GenerationRequest(model: model.id, input: .prompt("a b c d"), maxTokens: 1)

  func firstToken(_ stream: AsyncThrowingStream<GenerationEvent, any Error>) async throws {
    for try await event in stream { if case .delta = event { return } }
  }
  // Warm up, then interleave direct and routed samples.
  for _ in 0..<200 { for try await _ in try await client.generate(request) {} }
  var direct: [Duration] = []
  var routed: [Duration] = []
  let clock = ContinuousClock()
  for _ in 0..<samples {
    direct.append(try await clock.measure { try await firstToken(model.generate(request)) })
    routed.append(try await clock.measure { for try await _ in try await client.generate(request) {} })
  }
  let added = milliseconds(median(routed)) - milliseconds(median(direct))
  print("time to first token (median of \(samples)):")
  print(String(format: "  backend directly:                 %8.3f ms", milliseconds(median(direct))))
  print(String(format: "  client → coordinator → node:      %8.3f ms", milliseconds(median(routed))))
  print(String(format: "  added by the path:                %8.3f ms   (target < 2 ms)", added))

  let started = clock.now
  try await withThrowingTaskGroup(of: Void.self) { workers in
    let perWorker = requests / concurrency
    for _ in 0..<concurrency {
      workers.addTask {
        for _ in 0..<perWorker { for try await _ in try await client.generate(request) {} }
      }
    }
    try await workers.waitForAll()
  }
  let elapsed = milliseconds(clock.now - started) / 1000
  let total = (requests / concurrency) * concurrency
  let rate = Double(total) / elapsed
  print(String(format: "routed requests: %d in %.2f s with %d in flight on %d cores", total, elapsed, concurrency,
    ProcessInfo.processInfo.activeProcessorCount))
  print(String(format: "  %.0f req/s   (%.2f× the 10,000 req/s target)", rate, rate / 10_000))
  group.cancelAll()
}
