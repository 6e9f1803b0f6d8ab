import CocoonCore
import CocoonNode
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing

/// A backend whose model never loads: it fails at once, or waits until it is cancelled.
struct UnloadableBackend: ComputeBackend {
  let hangs: Bool

  func load(_ spec: ModelSpec, progress: @escaping @Sendable (LoadProgress) -> Void) async throws -> any LoadedModel {
    if hangs { try await Task.sleep(for: .seconds(3600)) }
    throw CocoonError(.io, "the weights at \(spec.path) are unreadable")
  }
}

@Suite("node lifecycle")
struct NodeLifecycleTests {
  /// The node's loader and one coordinator link (to an address nobody listens on), as `NodeRole` orders them.
  static func services(_ backend: UnloadableBackend) async throws -> [any Service] {
    let models = LoadedModels()
    let loader = ModelLoaderService(
      backend: backend, specs: [ModelSpec(name: "test-model", path: "/nonexistent.gguf")], into: models,
      logger: NetworkHarness.logger)
    let link = CoordinatorLinkService(
      endpoint: Endpoint(host: "127.0.0.1", port: 9), transport: try await NetworkHarness.transport(),
      security: NetworkHarness.security(.node), models: models,
      handler: NodeQueryHandler(models: models, maxActiveRequests: 1, logger: NetworkHarness.logger),
      maxActiveRequests: 1, settings: NetworkHarness.settings, logger: NetworkHarness.logger)
    return [loader, link]
  }

  /// Runs `body`, failing with "still running" when it takes longer than `limit`. The body runs as a task of its
  /// own that is left behind when it hangs (a task group would wait for it forever).
  static func bounded(_ limit: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws {
    let done = Mutex(false)
    let task = Task {
      try await body()
      done.withLock { $0 = true }
    }
    let deadline = ContinuousClock.now + limit
    while !done.withLock({ $0 }) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    #expect(done.withLock { $0 }, "still running after \(limit)")
    if done.withLock({ $0 }) { try await task.value }
  }

  @Test("a model that fails to load stops the node: the coordinator link stops waiting for it")
  func failedLoadEndsTheGroup() async throws {
    let services = try await Self.services(UnloadableBackend(hangs: false))
    try await Self.bounded(.seconds(120)) {
      let group = ServiceGroup(services: services, logger: NetworkHarness.logger)
      await #expect(throws: CocoonError.self) { try await group.run() }
    }
  }

  @Test("shutdown while a model is loading stops the node")
  func shutdownWhileLoading() async throws {
    let services = try await Self.services(UnloadableBackend(hangs: true))
    try await Self.bounded(.seconds(120)) {
      try await testGracefulShutdown { trigger in
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            var configuration = ServiceGroupConfiguration(services: services, logger: NetworkHarness.logger)
            configuration.maximumGracefulShutdownDuration = .seconds(2)
            try? await ServiceGroup(configuration: configuration).run()
          }
          try await Task.sleep(for: .milliseconds(200))
          trigger.triggerGracefulShutdown()
          try await group.waitForAll()
        }
      }
    }
  }
}
