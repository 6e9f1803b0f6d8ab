import CocoonClient
import CocoonCoordinator
import CocoonCore
import Foundation
import Synchronization
import Testing

@Suite("cancellation and lost peers")
struct FailureTests {
  @Test("a client that stops reading mid-stream makes the node stop generating")
  func clientDisconnectStopsNode() async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(in: &group)
      let model = ScriptedModel(tokenDelay: .milliseconds(20))
      try await NetworkHarness.startNode(model, coordinator: coordinator, in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, in: &group)
      let words = (0..<200).map { "w\($0)" }.joined(separator: " ")
      var received = 0
      for try await event in try await client.generate(request(words, maxTokens: 200)) {
        if case .delta = event { received += 1 }
        if received == 3 { break }
      }
      let deadline = ContinuousClock.now + .seconds(5)
      while model.cancellations.withLock({ $0 }) == 0 && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(10))
      }
      #expect(model.cancellations.withLock { $0 } == 1)
      group.cancelAll()
    }
  }

  @Test("a node lost mid-stream gives the client an error, not a hang")
  func nodeLostMidStream() async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, in: &group)
      let model = ScriptedModel(tokenDelay: .milliseconds(20))
      // The node runs in its own group so it can be killed alone.
      let nodeTask = Task {
        try await withThrowingTaskGroup(of: Void.self) { nodeGroup in
          try await NetworkHarness.startNode(model, coordinator: coordinator, in: &nodeGroup)
          try await nodeGroup.waitForAll()
        }
      }
      while await coordinator.pool.nodeCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
      let words = (0..<200).map { "w\($0)" }.joined(separator: " ")
      var received = 0
      let error = await #expect(throws: CocoonError.self) {
        for try await event in try await client.generate(request(words, maxTokens: 200)) {
          if case .delta = event { received += 1 }
          if received == 5 { nodeTask.cancel() }
        }
      }
      #expect(error?.code == .peerLost)
      #expect(error?.reason.contains("disconnected after") == true)
      #expect(received >= 5 && received < 200)
      group.cancelAll()
    }
  }

  @Test("a client request waits for a coordinator that is not up yet, then fails clearly")
  func noCoordinator() async throws {
    let link = CoordinatorLink(
      endpoints: [Endpoint(host: "127.0.0.1", port: 9)], transport: try await NetworkHarness.transport(),
      security: NetworkHarness.security(.client), connectWait: .milliseconds(300), logger: NetworkHarness.logger)
    await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await link.run() }
      let error = await #expect(throws: CocoonError.self) { _ = try await link.models() }
      #expect(error?.code == .noNodeAvailable)
      #expect(error?.reason.contains("not connected to any coordinator (tried 127.0.0.1:9)") == true)
      group.cancelAll()
    }
  }
}
