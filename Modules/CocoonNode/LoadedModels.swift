public import CocoonCore

/// The node's loaded models, filled by the loader and read by the request handlers.
public actor LoadedModels {
  private var models: [ModelID: any LoadedModel] = [:]
  private var specs: [ModelID: ModelSpec] = [:]
  private var waiters: [CheckedContinuation<Void, Never>] = []
  private var complete = false

  public init() {}

  /// Adds a loaded model.
  public func add(_ model: any LoadedModel, spec: ModelSpec) {
    models[model.id] = model
    specs[model.id] = spec
  }

  /// Marks loading finished and wakes whoever waits for it.
  public func finishLoading() {
    complete = true
    waiters.forEach { $0.resume() }
    waiters.removeAll()
  }

  /// Waits until every configured model is loaded.
  public func waitUntilLoaded() async {
    if complete { return }
    await withCheckedContinuation { waiters.append($0) }
  }

  public func model(named name: ModelID) -> (any LoadedModel)? { models[name] }

  /// Name, weights hash and context length of each loaded model.
  public func served() -> [(spec: ModelSpec, contextLength: Int)] {
    models.values.map { (specs[$0.id]!, $0.contextLength) }.sorted { $0.spec.name.rawValue < $1.spec.name.rawValue }
  }
}
