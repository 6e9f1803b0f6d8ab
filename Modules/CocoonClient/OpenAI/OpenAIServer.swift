public import CocoonCore
public import Hummingbird
public import Logging
public import ServiceLifecycle

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The OpenAI-compatible HTTP API of `cocoon-client`: `GET /v1/models[/{model}]`, `POST /v1/chat/completions` and
/// `POST /v1/completions`, whole or streamed as server-sent events, answered through an ``InferenceGateway``.
///
/// A `Service`: add it to the client's `ServiceGroup`. Error statuses: 400 bad request or too many tokens,
/// 401 missing or wrong bearer token, 402 insufficient balance, 404 unknown model or route,
/// 429 overloaded (with `Retry-After`, so OpenAI's clients retry), 502 node lost, 503 no node available.
public struct OpenAIServer: Service {
  /// Where and how the API serves.
  public struct Configuration: Sendable {
    /// Where the API listens; keep it on loopback.
    public var listen: Endpoint
    /// When set, every request must carry `Authorization: Bearer <accessToken>`.
    public var accessToken: String?
    /// `max_tokens` for requests that set none.
    public var defaultMaxTokens: Int
    /// The largest request body accepted, in bytes.
    public var maxRequestBytes: Int

    public init(
      listen: Endpoint, accessToken: String? = nil, defaultMaxTokens: Int = 1024, maxRequestBytes: Int = 8 << 20
    ) {
      self.listen = listen
      self.accessToken = accessToken
      self.defaultMaxTokens = defaultMaxTokens
      self.maxRequestBytes = maxRequestBytes
    }
  }

  public let gateway: any InferenceGateway
  public let configuration: Configuration
  public let logger: Logger

  public init(gateway: any InferenceGateway, configuration: Configuration, logger: Logger) {
    self.gateway = gateway
    self.configuration = configuration
    self.logger = logger
  }

  /// The API on `listen`, guarded by `accessToken` when one is given.
  public init(gateway: any InferenceGateway, listen: Endpoint, accessToken: String?, logger: Logger) {
    self.init(gateway: gateway, configuration: .init(listen: listen, accessToken: accessToken), logger: logger)
  }

  /// The Hummingbird application serving the API (what ``run()`` runs; tests drive it with HummingbirdTesting).
  public func makeApplication() -> some ApplicationProtocol {
    Application(
      router: makeRouter(),
      configuration: .init(
        address: .hostname(configuration.listen.host, port: configuration.listen.port), serverName: nil),
      logger: logger)
  }

  /// Serves until graceful shutdown.
  public func run() async throws {
    logger.info("OpenAI-compatible API starting", metadata: ["listen": "\(configuration.listen)"])
    try await makeApplication().run()
  }

  private func makeRouter() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: OpenAIErrorMiddleware())
    if let token = configuration.accessToken {
      router.add(middleware: AccessTokenMiddleware(token: token))
    }
    let routes = OpenAIRoutes(
      gateway: gateway, defaultMaxTokens: configuration.defaultMaxTokens,
      maxRequestBytes: configuration.maxRequestBytes, startedAt: Self.unixTime())
    router.get("v1/models") { _, _ in try await routes.models() }
    router.get("v1/models/:model") { _, context in try await routes.model(context) }
    router.post("v1/chat/completions") { request, context in try await routes.chatCompletions(request, context) }
    router.post("v1/completions") { request, context in try await routes.completions(request, context) }
    return router
  }

  /// Seconds since 1970, as OpenAI's `created` fields count.
  static func unixTime() -> Int {
    Int(Date().timeIntervalSince1970)
  }
}
