public import Logging
public import ServiceLifecycle
import UnixSignals

/// Runs a role's services as one ordered group: started in order, stopped in reverse on SIGTERM or SIGINT.
public enum RoleRunner {
  /// How long a graceful shutdown may take before the remaining services are cancelled. Longer than the
  /// coordinator's bounded final settlement (20 s), so that one finishes when the ledger answers.
  public static let defaultShutdownDeadline: Duration = .seconds(30)
  /// How long cancelled services get after the deadline before the process stops regardless (swift-service-
  /// lifecycle ends it with a message naming the cause): a plugin that ignores cancellation cannot keep a stopping
  /// role alive. What the coordinator had committed is safe: its accounting survives a kill (the crash tests).
  public static let cancellationDeadline: Duration = .seconds(10)

  /// Runs `services` until they finish or a shutdown signal arrives.
  /// - Parameter shutdownDeadline: after a shutdown signal, the time services get to stop by themselves before
  ///   they are cancelled.
  public static func run(
    services: [any Service], logger: Logger, shutdownDeadline: Duration = defaultShutdownDeadline
  ) async throws {
    var configuration = ServiceGroupConfiguration(
      services: services.map { .init(service: $0) },
      gracefulShutdownSignals: [.sigterm, .sigint],
      cancellationSignals: [],
      logger: logger)
    configuration.maximumGracefulShutdownDuration = shutdownDeadline
    configuration.maximumCancellationDuration = cancellationDeadline
    try await ServiceGroup(configuration: configuration).run()
  }
}
