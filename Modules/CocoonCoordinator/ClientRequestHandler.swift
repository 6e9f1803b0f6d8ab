import CocoonAccounting
public import CocoonCore
public import CocoonWire
public import Logging
import Synchronization

/// Handles one stream a client opens: lists models, or routes a query to a node and relays the answer back.
/// Cancellation flows both ways: a client that cancels or disconnects cancels the node's work; a node that
/// disappears gives the client a clear error.
///
/// With accounting, a query is admitted only after its maximum cost is reserved against the client's stake; the
/// final answer carries the real cost and the client's new voucher, and the node gets its earning voucher. A
/// request that ends early (node lost, node error, client cancel) is charged only for the answer parts the client
/// received, as completion tokens (a part holds at least one token, so this never overcharges).
public struct ClientRequestHandler: Sendable {
  let pool: NodePool
  let prices: Prices?
  let accounting: CoordinatorAccounting?
  let registeredModels: Set<String>?
  let logger: Logger

  /// - Parameters:
  ///   - prices: prices final answers without accounting (its cost is informational then).
  ///   - accounting: charges clients and pays nodes; nil serves without payments.
  ///   - registeredModels: the registry's model names; a request for another is `unknownModel` (404). Without a
  ///     registry, a model no connected node serves is unknown.
  public init(
    pool: NodePool, prices: Prices?, accounting: CoordinatorAccounting? = nil, registeredModels: Set<String>? = nil,
    logger: Logger
  ) {
    self.pool = pool
    self.prices = prices
    self.accounting = accounting
    self.registeredModels = registeredModels
    self.logger = logger
  }

  /// Serves one stream of `payer` (the client's ledger address; nil without accounting).
  public func handle(_ stream: WireStream, payer: String? = nil) async {
    let first: WireMessage
    do {
      guard let message = try await stream.next() else { return }
      first = message
    } catch let error as CocoonError where error.code == .invalidArgument {
      // A malformed first message (a value out of range) is answered, which also ends the stream.
      try? await stream.send(.error(error))
      return
    } catch {
      return
    }
    switch first {
    case .modelListRequest:
      let models = await pool.servedModels()
      try? await stream.send(.modelList(models))
    case .query(let query):
      var logger = self.logger
      logger[metadataKey: "request"] = "\(query.requestID)"
      do {
        try await route(query, client: stream, payer: payer, logger: logger)
      } catch is CancellationError {
        logger.info("request cancelled by the client")
      } catch {
        logger.notice("request failed", metadata: ["reason": "\(error)"])
        try? await stream.send(.failure(error))
      }
    default:
      try? await stream.send(.error(CocoonError(.invalidArgument, "unexpected first message")))
    }
  }

  private func route(_ query: WireQuery, client: WireStream, payer: String?, logger: Logger) async throws {
    let model = query.request.model.rawValue
    try await checkKnown(model)
    let maxCoefficient = query.maxPriceCoefficient ?? Prices.basisPointsPerUnit
    var charge: PendingCharge?
    if let accounting {
      guard let payer else {
        throw CocoonError(.insufficientBalance, "this coordinator charges for requests and the client named no account")
      }
      let id = "\(payer)/\(query.requestID)"
      try await accounting.reserve(
        client: payer, requestID: id, maxCost: try accounting.maxCost(of: query.request, coefficient: maxCoefficient))
      charge = PendingCharge(accounting: accounting, requestID: id)
    }
    let delivered = PartCounter()
    var settled = false
    do {
      let lease = try await pool.acquire(model: model)
      let started = ContinuousClock.now
      var succeeded = false
      do {
        guard lease.terms.priceCoefficient <= maxCoefficient else {
          throw CocoonError(
            .noNodeAvailable,
            "the node's price coefficient \(lease.terms.priceCoefficient) is above the request's maximum \(maxCoefficient)")
        }
        charge?.node = lease.terms
        logger.debug("routed", metadata: ["node": "\(lease.address)"])
        let node = try await lease.session.open(.query(query))
        let outcome = try await withThrowingTaskGroup(of: NodeOutcome.self) { group in
          group.addTask {
            // The client may only cancel; its stream ending means it went away.
            while let message = try await client.next() {
              if case .cancel = message { break }
            }
            await node.cancel(reason: "the client cancelled")
            throw CancellationError()
          }
          group.addTask { try await relay(from: node, to: client, delivered: delivered) }
          let result = try await group.next()!
          group.cancelAll()
          return result
        }
        switch outcome {
        case .finished(let fromNode):
          var nodeVoucher: PaymentVoucher?
          // Only the node's finish reason and usage go on: the cost and the voucher are the coordinator's to say.
          let usage = fromNode.usage
          var answer = WireFinalAnswer(finishReason: fromNode.finishReason, usage: usage)
          if let charge {
            settled = true
            let settlement = try await charge.settle(usage)
            answer.cost = settlement.cost
            answer.voucher = settlement.clientVoucher
            nodeVoucher = settlement.nodeVoucher
          } else if let prices {
            answer.cost = try prices.cost(of: usage, coefficient: lease.terms.priceCoefficient)
          }
          // The node gets its voucher whether or not the client is still there to take its answer.
          var unsent: (any Error)?
          do { try await client.send(.finalAnswer(answer)) } catch { unsent = error }
          if let nodeVoucher { await deliver(nodeVoucher, to: lease.session, logger: logger) }
          if let unsent { throw unsent }
          succeeded = true
        case .failed(let error):
          settled = true
          await charge?.settlePartial(delivered.count, logger: logger)
          try await client.send(.error(error))
        }
      } catch {
        await pool.release(lease, succeeded: false, duration: ContinuousClock.now - started)
        throw error
      }
      await pool.release(lease, succeeded: succeeded, duration: ContinuousClock.now - started)
    } catch {
      if !settled { await charge?.settlePartial(delivered.count, logger: logger) }
      throw error
    }
  }

  /// Refuses a model the registry does not list (or, without a registry, that no connected node serves).
  private func checkKnown(_ model: String) async throws {
    if let registeredModels {
      guard registeredModels.contains(model) else {
        throw CocoonError(
          .unknownModel,
          "model '\(model)' is not in the registry; registered: \(registeredModels.sorted().joined(separator: ", "))")
      }
      return
    }
    let served = await pool.servedModels().map(\.name)
    guard served.contains(model) else {
      throw CocoonError(
        .unknownModel,
        "no connected node serves model '\(model)'; served now: \(served.isEmpty ? "none" : served.sorted().joined(separator: ", "))")
    }
  }

  /// How the node's side of a request ended.
  private enum NodeOutcome: Sendable {
    case finished(WireFinalAnswer)
    case failed(CocoonError)
  }

  /// Copies the node's answer parts to the client, counting them; returns the node's final message unsent.
  private func relay(from node: WireStream, to client: WireStream, delivered: PartCounter) async throws
    -> NodeOutcome
  {
    do {
      while let message = try await node.next() {
        switch message {
        case .answerPart:
          try await client.send(message)
          delivered.increment()
        case .finalAnswer(let answer):
          return .finished(answer)
        case .error(let error):
          return .failed(error)
        default:
          continue
        }
      }
    } catch let error as CocoonError where error.code == .peerLost {
      throw CocoonError(
        .peerLost,
        "the node serving this request disconnected after \(delivered.count) answer part(s); "
          + "the answer is incomplete")
    }
    throw CocoonError(.peerLost, "the node ended the answer without a final message")
  }

  /// Sends a node its new earning voucher on a stream of its own (it keeps the latest).
  private func deliver(_ voucher: PaymentVoucher, to session: WireSession, logger: Logger) async {
    do { _ = try await session.open(.voucher(voucher)) } catch {
      logger.notice("could not deliver the node's voucher; it gets the next one", metadata: ["reason": "\(error)"])
    }
  }
}

/// Counts the answer parts relayed to the client.
private final class PartCounter: Sendable {
  private let value = Atomic<Int>(0)
  var count: Int { value.load(ordering: .relaxed) }
  func increment() { value.add(1, ordering: .relaxed) }
}

/// A request's reservation, settled once: in full, for its delivered part, or released.
private struct PendingCharge: Sendable {
  let accounting: CoordinatorAccounting
  let requestID: String
  var node: NodeTerms?

  init(accounting: CoordinatorAccounting, requestID: String) {
    self.accounting = accounting
    self.requestID = requestID
  }

  func settle(_ usage: TokenUsage) async throws -> Settlement {
    guard let node else { throw CocoonError(.requestState, "request \(requestID) was never routed to a node") }
    do { return try await accounting.settle(requestID: requestID, usage: usage, node: node) } catch {
      await accounting.release(requestID: requestID)
      throw error
    }
  }

  /// Charges the answer parts the client received, or releases the reservation when there were none.
  func settlePartial(_ parts: Int, logger: Logger) async {
    guard parts > 0, let node else {
      await accounting.release(requestID: requestID)
      return
    }
    do {
      let settlement = try await accounting.settle(
        requestID: requestID, usage: TokenUsage(completionTokens: parts), node: node)
      logger.info("charged the delivered part", metadata: ["parts": "\(parts)", "cost": "\(settlement.cost)"])
    } catch {
      logger.error("could not charge the delivered part", metadata: ["reason": "\(error)"])
      await accounting.release(requestID: requestID)
    }
  }
}
