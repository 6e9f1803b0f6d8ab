public import CocoonAccounting
import CocoonCore
public import CocoonWire
public import Logging
import Synchronization

/// Serves the queries a coordinator sends on one stream each: generates with the loaded model, streams the text
/// back, reports exact usage, and stops when the coordinator cancels or disappears.
public final class NodeQueryHandler: Sendable {
  private let models: LoadedModels
  private let maxActiveRequests: Int
  private let active = Mutex(0)
  private let logger: Logger

  public init(models: LoadedModels, maxActiveRequests: Int, logger: Logger) {
    self.models = models
    self.maxActiveRequests = maxActiveRequests
    self.logger = logger
  }

  /// Requests being generated right now.
  public var activeRequests: Int { active.withLock { $0 } }

  /// Handles one stream opened by the coordinator: a query, or a new earning voucher for `vouchers`.
  public func handle(_ stream: WireStream, vouchers: VoucherReceiver? = nil) async {
    let first: WireMessage?
    do {
      first = try await stream.next()
    } catch let error as CocoonError where error.code == .invalidArgument {
      try? await stream.send(.error(error))
      return
    } catch {
      return
    }
    if case .voucher(let voucher) = first {
      await keep(voucher, in: vouchers)
      return
    }
    guard case .query(let query) = first else {
      try? await stream.send(.error(CocoonError(.invalidArgument, "a node only answers queries")))
      return
    }
    let admitted = active.withLock { count in
      guard count < maxActiveRequests else { return false }
      count += 1
      return true
    }
    guard admitted else {
      let error = CocoonError(.overloaded, "the node is already serving \(maxActiveRequests) requests")
      try? await stream.send(.error(error))
      return
    }
    defer { active.withLock { $0 -= 1 } }
    var logger = self.logger
    logger[metadataKey: "request"] = "\(query.requestID)"
    do {
      try await serve(query, on: stream, logger: logger)
    } catch is CancellationError {
      logger.info("request cancelled by the coordinator")
    } catch let error as CocoonError where error.code == .cancelled || error.code == .peerLost {
      logger.info("request stopped", metadata: ["reason": "\(error.reason)"])
    } catch {
      logger.warning("request failed", metadata: ["error": "\(error)"])
      try? await stream.send(.failure(error))
    }
  }

  private func keep(_ voucher: PaymentVoucher, in vouchers: VoucherReceiver?) async {
    guard let vouchers else {
      logger.notice("a coordinator sent a voucher but this node has no payment key; ignored")
      return
    }
    do {
      if try await vouchers.receive(voucher) == .stored {
        logger.debug("earning voucher stored", metadata: ["sequence": "\(voucher.sequence)", "amount": "\(voucher.amount)"])
      }
    } catch {
      logger.error("refused the coordinator's earning voucher", metadata: ["reason": "\(error)"])
    }
  }

  private func serve(_ query: WireQuery, on stream: WireStream, logger: Logger) async throws {
    let request = query.request
    guard let model = await models.model(named: request.model) else {
      throw CocoonError(.unknownModel, "this node does not serve '\(request.model)'")
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        // Any message after the query is a cancel; the stream ending means the coordinator is gone.
        while let message = try await stream.next() {
          if case .cancel = message { throw CancellationError() }
        }
        throw CancellationError()
      }
      group.addTask {
        for try await event in model.generate(request) {
          switch event {
          case .delta(let text):
            try await stream.send(.answerPart(text))
          case .finished(let reason, let usage):
            try await stream.send(.finalAnswer(WireFinalAnswer(finishReason: reason, usage: usage)))
            logger.info(
              "request done",
              metadata: ["prompt": "\(usage.promptTokens)", "completion": "\(usage.completionTokens)"])
          }
        }
      }
      try await group.next()
      group.cancelAll()
    }
  }
}
