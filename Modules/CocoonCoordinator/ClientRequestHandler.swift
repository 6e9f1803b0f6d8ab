public import CocoonCore
public import CocoonWire
public import Logging
import SwiftProtobuf

/// Handles one stream a client opens: lists models, or routes a query to a node and relays the answer back,
/// pricing the final usage. Cancellation flows both ways: a client that cancels or disconnects cancels the node's
/// work; a node that disappears gives the client a clear error.
public struct ClientRequestHandler: Sendable {
  let pool: NodePool
  let prices: Prices?
  let logger: Logger

  public init(pool: NodePool, prices: Prices?, logger: Logger) {
    self.pool = pool
    self.prices = prices
    self.logger = logger
  }

  public func handle(_ stream: WireStream) async {
    guard let first = try? await stream.next() else { return }
    switch first {
    case .modelListRequest:
      let models = await pool.servedModels()
      try? await stream.send(.modelList(.with { $0.models = models }))
    case .runQuery(let query):
      var logger = self.logger
      logger[metadataKey: "request"] = "\(query.requestID)"
      do {
        try await route(query, client: stream, logger: logger)
      } catch is CancellationError {
        logger.info("request cancelled by the client")
      } catch {
        logger.notice("request failed", metadata: ["reason": "\(error)"])
        try? await stream.send(.error(Cocoon_Wire_Error(error)))
      }
    default:
      try? await stream.send(.error(Cocoon_Wire_Error(CocoonError(.invalidArgument, "unexpected first message"))))
    }
  }

  private func route(_ query: Cocoon_Wire_RunQuery, client: WireStream, logger: Logger) async throws {
    _ = try query.generationRequest()
    let lease = try await pool.acquire(model: query.model)
    let started = ContinuousClock.now
    var succeeded = false
    defer {
      let outcome = succeeded
      let duration = ContinuousClock.now - started
      Task { await pool.release(lease, succeeded: outcome, duration: duration) }
    }
    logger.debug("routed", metadata: ["node": "\(lease.address)"])
    let node = try await lease.session.open(.runQuery(query))
    succeeded = try await withThrowingTaskGroup(of: Bool.self) { group in
      group.addTask {
        // The client may only cancel; its stream ending means it went away.
        while let body = try await client.next() {
          if case .cancel = body { break }
        }
        await node.cancel(reason: "the client cancelled")
        throw CancellationError()
      }
      group.addTask { try await relay(from: node, to: client) }
      let result = try await group.next() ?? false
      group.cancelAll()
      return result
    }
  }

  /// Copies the node's answer to the client; returns whether the node finished normally.
  private func relay(from node: WireStream, to client: WireStream) async throws -> Bool {
    var parts = 0
    do {
      while let body = try await node.next() {
        switch body {
        case .answerPart:
          parts += 1
          try await client.send(body)
        case .finalAnswer(var answer):
          let usage = try answer.usage.tokenUsage()
          if let prices { answer.costNano = try prices.cost(of: usage).rawValue }
          try await client.send(.finalAnswer(answer))
          return true
        case .error:
          try await client.send(body)
          return false
        default:
          continue
        }
      }
    } catch let error as CocoonError where error.code == .peerLost {
      throw CocoonError(
        .peerLost, "the node serving this request disconnected after \(parts) answer part(s); the answer is incomplete")
    }
    throw CocoonError(.peerLost, "the node ended the answer without a final message")
  }
}
