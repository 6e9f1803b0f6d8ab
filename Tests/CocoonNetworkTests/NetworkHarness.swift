import CocoonClient
import CocoonCoordinator
import CocoonCore
import CocoonNode
import CocoonTransportTCP
import CocoonWire
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// A coordinator, nodes and a client link wired in-process over the real tcp transport on loopback.
struct NetworkHarness {
  static let logger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
  }()

  /// Pings often, but gives a peer a generous timeout: the whole suite runs in parallel on 2 loaded cores, where a
  /// healthy peer has been silent for over 2 s. (Dead-peer detection is tested with its own short settings.)
  static let settings = WireSession.Settings(pingInterval: .milliseconds(200), peerTimeout: .seconds(15))

  static func transport() async throws -> any Transport {
    try await TCPTransportPlugin.make(
      options: .init(insecure: true),
      context: PluginContext(role: .node, logger: logger, baseDirectory: "/tmp", insecureAllowed: true))
  }

  static func security(_ role: Role) -> TransportSecurity {
    TransportSecurity(
      role: role, provider: nil, verifiers: [:], policy: AttestationPolicy(allowedImageHashes: [:]), configHash: Data())
  }

  static let prices = Prices(pricePerToken: 1000, nodeFeePerToken: 800)

  /// Starts a coordinator on an ephemeral port; returns it once listening.
  static func startCoordinator(
    in group: inout ThrowingTaskGroup<Void, any Error>, maxQueued: Int = 1024, accounting: CoordinatorAccounting? = nil,
    endpoint: Endpoint = Endpoint(host: "127.0.0.1", port: 0), registeredModels: Set<String>? = nil
  ) async throws -> CoordinatorServer {
    // A fixed port may still be held by a server a test just stopped (or taken by a parallel test for a moment):
    // a bind failure is retried, and the failed attempt's task ends quietly.
    for attempt in 0..<50 {
      let pool = NodePool(maxQueuedRequests: maxQueued)
      let server = CoordinatorServer(
        endpoint: endpoint, transport: try await transport(), security: security(.coordinator), pool: pool,
        clients: ClientRequestHandler(
          pool: pool, prices: prices, accounting: accounting, registeredModels: registeredModels, logger: logger),
        accounting: accounting, allowedModels: nil, networkID: accounting?.network.networkID ?? "test",
        settings: settings, logger: logger)
      let failure = FailureBox()
      group.addTask {
        do { try await server.run() } catch {
          failure.record(error)
          if "\(error)".contains("Address already in use") { return }
          throw error
        }
      }
      for _ in 0..<2000 where server.listeningOn == nil && failure.error == nil {
        try await Task.sleep(for: .milliseconds(5))
      }
      if let error = failure.error {
        if "\(error)".contains("Address already in use"), attempt < 49 {
          try await Task.sleep(for: .milliseconds(100))
          continue
        }
        throw error
      }
      guard server.listeningOn != nil else {
        throw CocoonError(.unavailable, "the coordinator did not start listening in 10 s")
      }
      return server
    }
    throw CocoonError(.unavailable, "the coordinator's port stayed in use")
  }

  /// Starts a node serving `model`, connected to `coordinator`; returns once the coordinator has it.
  static func startNode(
    _ model: ScriptedModel, coordinator: CoordinatorServer, maxActive: Int = 4, payments: NodePayments? = nil,
    in group: inout ThrowingTaskGroup<Void, any Error>
  ) async throws {
    let before = await coordinator.pool.nodeCount
    let models = LoadedModels()
    await models.add(model, spec: ModelSpec(name: model.id, path: "/dev/null"))
    await models.finishLoading()
    let link = CoordinatorLinkService(
      endpoint: coordinator.listeningOn!, transport: try await transport(), security: security(.node), models: models,
      handler: NodeQueryHandler(models: models, maxActiveRequests: maxActive, logger: logger),
      maxActiveRequests: maxActive, payments: payments, settings: settings, logger: logger)
    group.addTask { try await link.run() }
    if let autoPayout = payments?.autoPayout { group.addTask { await autoPayout.run() } }
    for _ in 0..<2000 where await coordinator.pool.nodeCount == before { try await Task.sleep(for: .milliseconds(5)) }
    guard await coordinator.pool.nodeCount > before else { throw CocoonError(.unavailable, "the node did not join in 10 s") }
  }

  /// Starts a client link to `coordinator`.
  static func startClient(
    coordinator: CoordinatorServer, payments: ClientPayments? = nil, in group: inout ThrowingTaskGroup<Void, any Error>
  ) async throws -> CoordinatorLink {
    let link = CoordinatorLink(
      endpoints: [coordinator.listeningOn!], transport: try await transport(), security: security(.client),
      payments: payments, settings: settings, connectWait: .seconds(5), logger: logger)
    group.addTask { try await link.run() }
    return link
  }

  /// Collects a whole answer.
  static func collect(_ stream: AsyncThrowingStream<GenerationEvent, any Error>) async throws -> (
    text: String, reason: FinishReason?, usage: TokenUsage?
  ) {
    var text = ""
    var reason: FinishReason?
    var usage: TokenUsage?
    for try await event in stream {
      switch event {
      case .delta(let delta): text += delta
      case .finished(let finish, let finalUsage):
        reason = finish
        usage = finalUsage
      }
    }
    return (text, reason, usage)
  }
}

func request(_ prompt: String, maxTokens: Int = 64, model: ModelID = "test-model") -> GenerationRequest {
  GenerationRequest(model: model, input: .prompt(prompt), maxTokens: maxTokens)
}

/// The error a background task ended with, for the harness to report instead of waiting forever.
final class FailureBox: Sendable {
  private let stored = Mutex<(any Error)?>(nil)
  var error: (any Error)? { stored.withLock { $0 } }
  func record(_ error: any Error) { stored.withLock { $0 = error } }
}
