// Measures what the network path costs: time-to-first-token through client → coordinator → node versus calling
// the backend directly, and routed requests per second, all in one process over loopback (tcp transport).
//
//   swift run -c release bench-routing [--requests N] [--concurrency C]
import CocoonClient
import CocoonCoordinator
import CocoonCore
import CocoonNode
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

var logger = Logger(label: "bench")
logger.logLevel = .critical
let context = PluginContext(role: .node, logger: logger, baseDirectory: "/tmp", insecureAllowed: true)
let transport = try await TCPTransportPlugin.make(options: .init(insecure: true), context: context)
func security(_ role: Role) -> TransportSecurity {
  TransportSecurity(role: role, provider: nil, verifiers: [:], policy: AttestationPolicy(allowedImageHashes: [:]), configHash: Data())
}

let model = InstantModel(tokens: 1)
let pool = NodePool(maxQueuedRequests: 100_000)
let coordinator = CoordinatorServer(
  endpoint: Endpoint(host: "127.0.0.1", port: 0), transport: transport, security: security(.coordinator), pool: pool,
  clients: ClientRequestHandler(pool: pool, prices: Prices(pricePerToken: 1000, nodeFeePerToken: 800), logger: logger),
  allowedModels: nil, networkID: "bench", logger: logger)

try await withThrowingTaskGroup(of: Void.self) { group in
  group.addTask { try await coordinator.run() }
  while coordinator.listeningOn == nil { try await Task.sleep(for: .milliseconds(5)) }
  let models = LoadedModels()
  await models.add(model, spec: ModelSpec(name: model.id, path: "/dev/null"))
  await models.finishLoading()
  let node = CoordinatorLinkService(
    endpoint: coordinator.listeningOn!, transport: transport, security: security(.node), models: models,
    handler: NodeQueryHandler(models: models, maxActiveRequests: 4096, logger: logger), maxActiveRequests: 4096,
    logger: logger)
  group.addTask { try await node.run() }
  while await pool.nodeCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
  let client = CoordinatorLink(
    endpoints: [coordinator.listeningOn!], transport: transport, security: security(.client), logger: logger)
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
