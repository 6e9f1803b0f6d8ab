public import Logging
public import ServiceLifecycle
import UnixSignals

/// Runs a role's services as one ordered group: started in order, stopped in reverse on SIGTERM or SIGINT.
public enum RoleRunner {
  /// How long a graceful shutdown may take before the remaining services are cancelled. Longer than the
  /// coordinator's bounded final settlement (20 s), so that one finishes when the ledger answers.
  public static let defaultShutdownDeadline: Duration = .seconds(30)

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
    try await ServiceGroup(configuration: configuration).run()
  }
}
