import Hummingbird
import Logging
import NIOCore

/// Serves a ``SandboxChain`` over the TON Center API v2 on loopback.
public enum SandboxServer {
  /// Runs until SIGTERM or SIGINT.
  /// - Parameter onListening: called with the bound port once the server accepts connections.
  public static func run(
    chain: SandboxChain, configuration: SandboxConfiguration, onListening: @escaping @Sendable (Int) -> Void
  ) async throws {
    let (host, port) = try configuration.listenAddress()
    let router = Router()
    SandboxRoutes(chain: chain).register(on: router)
    var logger = Logger(label: "cocoon-ton-sandbox")
    logger.logLevel = .warning
    let app = Application(
      router: router,
      configuration: .init(address: .hostname(host, port: port), serverName: "cocoon-ton-sandbox"),
      onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
      logger: logger)
    try await app.runService()
  }
}
