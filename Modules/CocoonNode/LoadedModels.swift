public import CocoonCore
import Synchronization

/// The node's loaded models, filled by the loader and read by the request handlers.
public actor LoadedModels {
  private var models: [ModelID: any LoadedModel] = [:]
  private var specs: [ModelID: ModelSpec] = [:]
  private nonisolated let loading = LoadingGate()

  public init() {}

  /// Adds a loaded model.
  public func add(_ model: any LoadedModel, spec: ModelSpec) {
    models[model.id] = model
    specs[model.id] = spec
  }

  /// Marks loading finished and wakes whoever waits for it.
  public func finishLoading() { loading.settle(.success(())) }

  /// Marks loading failed: whoever waits gets `error`.
  public func failLoading(_ error: any Error) { loading.settle(.failure(error)) }

  /// Waits until every configured model is loaded.
  /// - Throws: the loading error, or `CancellationError` when the waiting task is cancelled.
  public nonisolated func waitUntilLoaded() async throws { try await loading.wait() }

  public func model(named name: ModelID) -> (any LoadedModel)? { models[name] }

  /// Name, weights hash and context length of each loaded model.
  public func served() -> [(spec: ModelSpec, contextLength: Int)] {
    models.values.map { (specs[$0.id]!, $0.contextLength) }.sorted { $0.spec.name.rawValue < $1.spec.name.rawValue }
  }
}

/// A one-time outcome that tasks wait for; a cancelled waiter stops waiting at once.
final class LoadingGate: Sendable {
  private struct State {
    var outcome: Result<Void, any Error>?
    var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
    var nextID = 0
  }

  private let state = Mutex(State())

  func settle(_ result: Result<Void, any Error>) {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
      guard state.outcome == nil else { return [] }
      state.outcome = result
      defer { state.waiters.removeAll() }
      return Array(state.waiters.values)
    }
    for waiter in waiters { waiter.resume(with: result) }
  }

  func wait() async throws {
    let id = state.withLock { state in
      defer { state.nextID += 1 }
      return state.nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let ready: Result<Void, any Error>? = state.withLock { state in
          if let outcome = state.outcome { return outcome }
          if Task.isCancelled { return .failure(CancellationError()) }
          state.waiters[id] = continuation
          return nil
        }
        if let ready { continuation.resume(with: ready) }
      }
    } onCancel: {
      state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
    }
  }
}
