public import Logging
public import ServiceLifecycle
import UnixSignals

/// Runs a role's services as one ordered group: started in order, stopped in reverse on SIGTERM or SIGINT.
public enum RoleRunner {
  /// Runs `services` until they finish or a shutdown signal arrives.
  public static func run(services: [any Service], logger: Logger) async throws {
    let group = ServiceGroup(
      configuration: .init(
        services: services.map { .init(service: $0) },
        gracefulShutdownSignals: [.sigterm, .sigint],
        cancellationSignals: [],
        logger: logger))
    try await group.run()
  }
}
