import CocoonClient
import CocoonCoordinator
import CocoonCore
import Foundation
import Synchronization
import Testing

@Suite("client → coordinator → node over the tcp transport on loopback")
struct RoutingTests {
  @Test("a request is routed, streamed back and its usage reported")
  func routesOneRequest() async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(in: &group)
      try await NetworkHarness.startNode(ScriptedModel(), coordinator: coordinator, in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, in: &group)
      #expect(try await client.models() == ["test-model"])
      let answer = try await NetworkHarness.collect(client.generate(request("hello cocoon world")))
      #expect(answer.text == "HELLO COCOON WORLD")
      #expect(answer.reason == .stop)
      #expect(answer.usage == TokenUsage(promptTokens: 3, completionTokens: 3))
      let truncated = try await NetworkHarness.collect(client.generate(request("a b c d", maxTokens: 2)))
      #expect(truncated.text == "A B")
      #expect(truncated.reason == .length)
      group.cancelAll()
    }
  }

  @Test("100 concurrent streamed requests through one coordinator all complete and are correct")
  func hundredConcurrent() async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(in: &group)
      let model = ScriptedModel(tokenDelay: .milliseconds(2))
      try await NetworkHarness.startNode(model, coordinator: coordinator, maxActive: 16, in: &group)
      try await NetworkHarness.startNode(model, coordinator: coordinator, maxActive: 16, in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, in: &group)
      let results = try await withThrowingTaskGroup(of: Bool.self) { requests in
        for index in 0..<100 {
          requests.addTask {
            let words = (0..<(5 + index % 7)).map { "w\(index)x\($0)" }
            let answer = try await NetworkHarness.collect(client.generate(request(words.joined(separator: " "))))
            return answer.text == words.joined(separator: " ").uppercased()
              && answer.usage == TokenUsage(promptTokens: words.count, completionTokens: words.count)
          }
        }
        return try await requests.reduce(into: [Bool]()) { $0.append($1) }
      }
      #expect(results.count == 100)
      #expect(results.allSatisfy { $0 })
      group.cancelAll()
    }
  }

  @Test("a registered model no node serves is 'no node available'; an unregistered one is 'unknown model'")
  func noNode() async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(
        in: &group, registeredModels: ["test-model", "missing"])
      try await NetworkHarness.startNode(ScriptedModel(), coordinator: coordinator, in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, in: &group)
      let error = await #expect(throws: CocoonError.self) {
        _ = try await NetworkHarness.collect(client.generate(request("x", model: "missing")))
      }
      #expect(error?.code == .noNodeAvailable)
      #expect(error?.reason == "no node serving 'missing' is connected")
      let unknown = await #expect(throws: CocoonError.self) {
        _ = try await NetworkHarness.collect(client.generate(request("x", model: "other")))
      }
      #expect(unknown?.code == .unknownModel)
      #expect(unknown?.reason == "model 'other' is not in the registry; registered: missing, test-model")
      group.cancelAll()
    }
  }

  @Test("without a registry, a model no connected node serves is 'unknown model'")
  func unknownWithoutRegistry() async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(in: &group)
      try await NetworkHarness.startNode(ScriptedModel(), coordinator: coordinator, in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, in: &group)
      let error = await #expect(throws: CocoonError.self) {
        _ = try await NetworkHarness.collect(client.generate(request("x", model: "missing")))
      }
      #expect(error?.code == .unknownModel)
      #expect(error?.reason == "no connected node serves model 'missing'; served now: test-model")
      group.cancelAll()
    }
  }

  @Test("a full queue answers overloaded")
  func overloaded() async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(in: &group, maxQueued: 1)
      let model = ScriptedModel(tokenDelay: .milliseconds(200))
      try await NetworkHarness.startNode(model, coordinator: coordinator, maxActive: 1, in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, in: &group)
      let outcomes = await withTaskGroup(of: String.self) { requests in
        for _ in 0..<3 {
          requests.addTask {
            do {
              _ = try await NetworkHarness.collect(client.generate(request("a b")))
              return "ok"
            } catch let error as CocoonError {
              return error.code.identifier
            } catch {
              return "\(error)"
            }
          }
        }
        return await requests.reduce(into: [String]()) { $0.append($1) }
      }
      #expect(outcomes.sorted() == ["network.overloaded", "ok", "ok"])
      group.cancelAll()
    }
  }
}
