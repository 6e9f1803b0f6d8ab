/// Where and how the client talks to TON Center.
public struct TONCenterConfiguration: Sendable, Hashable {
  /// Base URLs ending in `/api/v2`, tried in order, with failover to the next on retryable failures.
  public var endpoints: [String]
  /// Sent as the `X-API-Key` header when set.
  public var apiKey: String?
  /// The most requests per second to each endpoint.
  public var requestsPerSecond: Double
  /// The most attempts per call, over all endpoints.
  public var maxAttempts: Int
  /// The first retry pause, in seconds; doubled each attempt, with jitter.
  public var backoffBase: Double
  /// The longest retry pause, in seconds.
  public var backoffMax: Double
  /// The timeout of one HTTP request, in seconds.
  public var requestTimeout: Double

  /// Creates a configuration.
  public init(
    endpoints: [String], apiKey: String? = nil, requestsPerSecond: Double = 1, maxAttempts: Int = 5,
    backoffBase: Double = 0.25, backoffMax: Double = 8, requestTimeout: Double = 15
  ) {
    self.endpoints = endpoints
    self.apiKey = apiKey
    self.requestsPerSecond = requestsPerSecond
    self.maxAttempts = maxAttempts
    self.backoffBase = backoffBase
    self.backoffMax = backoffMax
    self.requestTimeout = requestTimeout
  }

  /// Public TON Center, mainnet (1 request/s without a key).
  public static let mainnet = TONCenterConfiguration(endpoints: ["https://toncenter.com/api/v2"])
  /// Public TON Center, testnet.
  public static let testnet = TONCenterConfiguration(endpoints: ["https://testnet.toncenter.com/api/v2"])
  /// The local `cocoon-ton-sandbox` on loopback.
  public static func sandbox(port: Int = 8081) -> TONCenterConfiguration {
    TONCenterConfiguration(
      endpoints: ["http://127.0.0.1:\(port)/api/v2"], requestsPerSecond: 1000, maxAttempts: 3, backoffBase: 0.05,
      backoffMax: 0.5, requestTimeout: 30)
  }

  /// A preset by name: `mainnet`, `testnet` or `sandbox`.
  public static func preset(_ name: String) throws -> TONCenterConfiguration {
    switch name {
    case "mainnet": .mainnet
    case "testnet": .testnet
    case "sandbox": .sandbox()
    default: throw TONCenterError(.invalidRequest, "unknown network '\(name)'; accepted: mainnet, testnet, sandbox")
    }
  }
}
