import CocoonRuntime
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing

/// Records whether it saw graceful shutdown.
final class RecordingService: Service {
  let events = Mutex<[String]>([])

  func run() async throws {
    events.withLock { $0.append("started") }
    try await gracefulShutdown()
    events.withLock { $0.append("stopped gracefully") }
  }
}

@Suite("role lifecycle")
struct RoleRunnerTests {
  @Test("services start and stop gracefully on shutdown")
  func gracefulShutdown() async throws {
    let service = RecordingService()
    try await testGracefulShutdown { trigger in
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await RoleRunner.run(services: [service], logger: Logger(label: "test")) }
        while service.events.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(5)) }
        trigger.triggerGracefulShutdown()
        try await group.waitForAll()
      }
    }
    #expect(service.events.withLock { $0 } == ["started", "stopped gracefully"])
  }
}
