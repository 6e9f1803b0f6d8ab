import Synchronization
public import CocoonCore
public import Logging
public import ServiceLifecycle

/// Loads the node's models through the compute backend, logging progress, and keeps them while the node runs.
public actor ModelLoaderService: Service {
  private let backend: any ComputeBackend
  private let specs: [ModelSpec]
  private let logger: Logger
  private let models: LoadedModels

  public init(backend: any ComputeBackend, specs: [ModelSpec], into models: LoadedModels, logger: Logger) {
    self.backend = backend
    self.specs = specs
    self.models = models
    self.logger = logger
  }

  /// Loads every model, then waits for shutdown. A shutdown during loading stops it; a model that fails to load
  /// fails the service (and wakes the coordinator links waiting for the models with the error).
  public func run() async throws {
    let (specs, models, backend, logger) = (specs, models, backend, logger)
    do {
      try await cancelWhenGracefulShutdown {
        for spec in specs {
          await models.add(try await Self.load(spec, backend: backend, logger: logger), spec: spec)
        }
      }
      try Task.checkCancellation()
    } catch {
      await models.failLoading(error)
      throw error
    }
    await models.finishLoading()
    try await gracefulShutdown()
  }

  /// Loads one model, logging progress every 10 percent.
  public static func load(_ spec: ModelSpec, backend: any ComputeBackend, logger: Logger) async throws
    -> any LoadedModel
  {
    logger.info("loading model", metadata: ["model": "\(spec.name)", "path": "\(spec.path)"])
    let reporter = ProgressReporter(logger: logger, model: spec.name)
    let model = try await backend.load(spec) { progress in reporter.report(progress) }
    logger.info("model ready", metadata: ["model": "\(spec.name)", "context": "\(model.contextLength)"])
    return model
  }
}

/// Logs load progress at most once per 10 percent per phase.
final class ProgressReporter: Sendable {
  private let logger: Logger
  private let model: ModelID
  private let lastStep = Mutex<[String: Int]>([:])

  init(logger: Logger, model: ModelID) {
    self.logger = logger
    self.model = model
  }

  func report(_ progress: LoadProgress) {
    let step = Int(progress.percent / 10)
    let shouldLog = lastStep.withLock { steps in
      guard steps[progress.phase, default: -1] < step else { return false }
      steps[progress.phase] = step
      return true
    }
    if shouldLog {
      logger.info(
        "\(progress.phase) \(model): \(Int(progress.percent))%",
        metadata: ["bytes": "\(progress.completedBytes)/\(progress.totalBytes)"])
    }
  }
}
