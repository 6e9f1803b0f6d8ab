import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import TON
import TONCenter
import Testing

/// The client against a scripted server on loopback: retries, failover, API key, strict decoding, rate limit.
@Suite("TON Center client")
struct TONCenterClientTests {
  /// Runs a Hummingbird server on a free loopback port while `body` runs.
  static func withServer(
    _ handler: @escaping @Sendable (Request) async -> Response, _ body: @Sendable (Int) async throws -> Void
  ) async throws {
    let router = Router()
    router.get("api/v2/{method}") { request, _ in await handler(request) }
    router.post("api/v2/{method}") { request, _ in await handler(request) }
    let ports = AsyncStream<Int>.makeStream()
    let app = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in ports.continuation.yield(channel.localAddress?.port ?? 0) },
      logger: Self.quietLogger)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await app.run() }
      var iterator = ports.stream.makeAsyncIterator()
      let port = await iterator.next() ?? 0
      try await body(port)
      group.cancelAll()
    }
  }

  static let quietLogger: Logger = {
    var logger = Logger(label: "ton-center-test-server")
    logger.logLevel = .critical
    return logger
  }()

  static func reply(_ status: HTTPResponse.Status, _ text: String) -> Response {
    Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static let info = #"{"ok":true,"result":{"balance":"42","code":"","data":"","last_transaction_id":{"lt":"0","hash":""},"state":"uninitialized","sync_utime":1}}"#
  static let address = try! Address(workchain: 0, hash: [UInt8](repeating: 1, count: 32))

  static func configuration(_ endpoints: [String]) -> TONCenterConfiguration {
    TONCenterConfiguration(
      endpoints: endpoints, apiKey: "secret", requestsPerSecond: 1000, maxAttempts: 4, backoffBase: 0.01, backoffMax: 0.05,
      requestTimeout: 5)
  }

  @Test("429 and 5xx are retried with backoff; the API key is sent")
  func retries() async throws {
    let calls = Mutex(0)
    try await Self.withServer({ request in
      let count = calls.withLock { value in
        value += 1
        return value
      }
      guard request.headers[HTTPField.Name("X-API-Key")!] == "secret" else { return Self.reply(.unauthorized, #"{"ok":false,"error":"key","code":401}"#) }
      switch count {
      case 1: return Self.reply(.tooManyRequests, #"{"ok":false,"error":"slow down","code":429}"#)
      case 2: return Self.reply(.serviceUnavailable, "upstream down")
      default: return Self.reply(.ok, Self.info)
      }
    }) { port in
      let client = try TONCenterClient(configuration: Self.configuration(["http://127.0.0.1:\(port)/api/v2"]))
      #expect(try await client.balance(Self.address) == 42)
      #expect(calls.withLock { $0 } == 3)
    }
  }

  @Test("a dead endpoint fails over to the next one")
  func failover() async throws {
    try await Self.withServer({ _ in Self.reply(.ok, Self.info) }) { port in
      var configuration = Self.configuration(["http://127.0.0.1:1/api/v2", "http://127.0.0.1:\(port)/api/v2"])
      configuration.requestTimeout = 1  // the HTTP client retries a refused connection until the deadline
      let client = try TONCenterClient(configuration: configuration)
      #expect(try await client.balance(Self.address) == 42)
    }
  }

  @Test("API errors are not retried, and malformed answers are decoding errors")
  func strictErrors() async throws {
    let calls = Mutex(0)
    try await Self.withServer({ request in
      calls.withLock { $0 += 1 }
      if request.uri.path.hasSuffix("getWalletInformation") { return Self.reply(.ok, #"{"ok":true,"result":{"wallet":"yes"}}"#) }
      return Self.reply(.unprocessableContent, #"{"ok":false,"error":"bad address","code":422}"#)
    }) { port in
      let client = try TONCenterClient(configuration: Self.configuration(["http://127.0.0.1:\(port)/api/v2"]))
      await #expect(throws: TONCenterError(.api, "")) { try await client.balance(Self.address) }
      #expect(calls.withLock { $0 } == 1)
      await #expect(throws: TONCenterError(.decoding, "")) { try await client.walletInformation(Self.address) }
    }
  }

  @Test("requests to one endpoint are spaced by the rate limit")
  func rateLimit() async throws {
    try await Self.withServer({ _ in Self.reply(.ok, Self.info) }) { port in
      var configuration = Self.configuration(["http://127.0.0.1:\(port)/api/v2"])
      configuration.requestsPerSecond = 20
      let client = try TONCenterClient(configuration: configuration)
      let start = ContinuousClock.now
      for _ in 0..<6 { _ = try await client.balance(Self.address) }
      #expect(ContinuousClock.now - start >= .milliseconds(240))
    }
  }

  @Test("presets name the public TON Center and loopback")
  func presets() throws {
    #expect(try TONCenterConfiguration.preset("mainnet").endpoints == ["https://toncenter.com/api/v2"])
    #expect(try TONCenterConfiguration.preset("testnet").endpoints == ["https://testnet.toncenter.com/api/v2"])
    #expect(try TONCenterConfiguration.preset("sandbox").endpoints[0].hasPrefix("http://127.0.0.1:"))
    #expect(throws: TONCenterError.self) { try TONCenterConfiguration.preset("devnet") }
  }
}
