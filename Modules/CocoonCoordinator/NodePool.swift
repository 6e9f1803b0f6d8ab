public import CocoonCore
public import CocoonWire

/// Where a node is paid and its price coefficient, from its handshake.
public struct NodeTerms: Sendable, Hashable {
  /// The node's ledger address; empty when the network does not pay (no payment plugin key).
  public var ledgerAddress: String
  /// Basis points: 10000 = ×1.0.
  public var priceCoefficient: UInt64

  public init(ledgerAddress: String = "", priceCoefficient: UInt64 = Prices.basisPointsPerUnit) {
    self.ledgerAddress = ledgerAddress
    self.priceCoefficient = priceCoefficient
  }
}

/// The nodes connected to this coordinator, by model, with their load and track record; hands out one node per
/// request and queues requests (boundedly) while every suitable node is busy.
public actor NodePool {
  /// A node as the pool knows it.
  final class Entry {
    let id: UInt64
    let session: WireSession
    let models: [String: ServedModel]
    let maxActive: Int
    let address: String
    let terms: NodeTerms
    var active = 0
    /// Exponentially weighted mean of request durations, seconds.
    var latency = 0.0
    var successes = 0
    var failures = 0

    init(
      id: UInt64, session: WireSession, models: [ServedModel], maxActive: Int, address: String,
      terms: NodeTerms
    ) {
      self.id = id
      self.terms = terms
      self.session = session
      self.models = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
      self.maxActive = maxActive
      self.address = address
    }

    /// Lower is better: load, failure rate and latency.
    var score: Double {
      let failureRate = Double(failures + 1) / Double(successes + failures + 2)
      return Double(active) / Double(maxActive) + 2 * failureRate + latency
    }
  }

  /// A node reserved for one request; give it back with ``release(_:succeeded:duration:)``.
  public struct Lease: Sendable {
    public let nodeID: UInt64
    public let session: WireSession
    public let address: String
    /// Where the node is paid and at what price coefficient.
    public let terms: NodeTerms
  }

  private struct Waiter {
    let id: UInt64
    let model: String
    let continuation: CheckedContinuation<Lease, any Error>
  }

  private var nodes: [UInt64: Entry] = [:]
  private var waiters: [Waiter] = []
  private var nextID: UInt64 = 1
  private let maxQueued: Int

  public init(maxQueuedRequests: Int) { self.maxQueued = maxQueuedRequests }

  /// Adds a connected node; returns its id.
  public func add(
    session: WireSession, models: [ServedModel], maxActive: Int, address: String,
    terms: NodeTerms = NodeTerms()
  ) -> UInt64 {
    let id = nextID
    nextID += 1
    nodes[id] = Entry(
      id: id, session: session, models: models, maxActive: max(1, maxActive), address: address, terms: terms)
    serveWaiters()
    return id
  }

  /// Removes a node that disconnected; queued requests for models nobody serves any more fail.
  public func remove(_ id: UInt64) {
    nodes[id] = nil
    let served = Set(nodes.values.flatMap(\.models.keys))
    let orphaned = waiters.filter { !served.contains($0.model) }
    waiters.removeAll { !served.contains($0.model) }
    for waiter in orphaned {
      waiter.continuation.resume(
        throwing: CocoonError(.noNodeAvailable, "no node serving '\(waiter.model)' is connected any more"))
    }
  }

  /// Reserves the best free node serving `model`, waiting in the queue if all are busy.
  /// - Throws: `noNodeAvailable` when no node serves it, `overloaded` when the queue is full.
  public func acquire(model: String) async throws -> Lease {
    if let lease = take(model: model) { return lease }
    guard nodes.values.contains(where: { $0.models[model] != nil }) else {
      throw CocoonError(.noNodeAvailable, "no node serving '\(model)' is connected")
    }
    guard waiters.count < maxQueued else {
      throw CocoonError(.overloaded, "all nodes serving '\(model)' are busy and \(maxQueued) requests are queued; retry later")
    }
    let id = nextID
    nextID += 1
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        waiters.append(Waiter(id: id, model: model, continuation: continuation))
      }
    } onCancel: {
      // A cancellation handler runs synchronously, off the actor: a short hop back onto it fails the waiter.
      // (The waiter is always queued first: the continuation's body runs on the actor before it suspends.)
      Task { await self.cancelWaiter(id) }
    }
  }

  private func cancelWaiter(_ id: UInt64) {
    guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
    waiters.remove(at: index).continuation.resume(throwing: CancellationError())
  }

  /// Returns a node after a request, recording how it went.
  public func release(_ lease: Lease, succeeded: Bool, duration: Duration) {
    if let entry = nodes[lease.nodeID] {
      entry.active -= 1
      let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
      entry.latency = entry.latency == 0 ? seconds : 0.8 * entry.latency + 0.2 * seconds
      if succeeded { entry.successes += 1 } else { entry.failures += 1 }
    }
    serveWaiters()
  }

  private func take(model: String) -> Lease? {
    let candidates = nodes.values.filter { $0.models[model] != nil && $0.active < $0.maxActive }
    guard let best = candidates.min(by: { $0.score < $1.score }) else { return nil }
    best.active += 1
    return Lease(nodeID: best.id, session: best.session, address: best.address, terms: best.terms)
  }

  private func serveWaiters() {
    var index = 0
    while index < waiters.count {
      if let lease = take(model: waiters[index].model) {
        waiters.remove(at: index).continuation.resume(returning: lease)
      } else {
        index += 1
      }
    }
  }

  /// The models servable now, one entry per name.
  public func servedModels() -> [ServedModel] {
    var byName: [String: ServedModel] = [:]
    for entry in nodes.values { for (name, model) in entry.models where byName[name] == nil { byName[name] = model } }
    return byName.values.sorted { $0.name < $1.name }
  }

  /// Connected nodes (for tests and metrics).
  public var nodeCount: Int { nodes.count }
  /// Requests waiting for a node.
  public var queuedCount: Int { waiters.count }
}
