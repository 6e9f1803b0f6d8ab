public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A client of the TON Center API v2: API key, per-endpoint rate limit, retries with backoff and jitter
/// on 429, 5xx and timeouts, failover across endpoints, strict decoding.
public final class TONCenterClient: Sendable {
  /// The configuration in use.
  public let configuration: TONCenterConfiguration
  private let httpClient: HTTPClient
  private let limiter: RateLimiter

  /// Creates a client.
  /// - Parameter httpClient: the HTTP client to use (the shared one by default).
  public init(configuration: TONCenterConfiguration, httpClient: HTTPClient = .shared) throws {
    guard !configuration.endpoints.isEmpty else {
      throw TONCenterError(.invalidRequest, "a TON Center configuration needs at least one endpoint")
    }
    self.configuration = configuration
    self.httpClient = httpClient
    limiter = RateLimiter(requestsPerSecond: configuration.requestsPerSecond)
  }

  /// Calls `method` with query items (GET) or a JSON body (POST) and decodes `result`.
  public func call<Result: Codable & Sendable>(
    _ method: String, query: [(String, String)] = [], body: (any Encodable & Sendable)? = nil, as type: Result.Type = Result.self
  ) async throws -> Result {
    var lastError = TONCenterError(.exhausted, "no attempt was made")
    let attempts = max(1, configuration.maxAttempts)
    for attempt in 0..<attempts {
      let endpoint = attempt % configuration.endpoints.count
      do {
        try await limiter.acquire(endpoint)
        return try await once(method, endpoint: endpoint, query: query, body: body)
      } catch let error as TONCenterError where error.isRetryable {
        lastError = error
        guard attempt + 1 < attempts else { break }
        let ceiling = min(configuration.backoffMax, configuration.backoffBase * pow(2, Double(attempt)))
        try await Task.sleep(for: .seconds(Double.random(in: (ceiling / 2)...max(ceiling / 2, ceiling))))
      }
    }
    throw TONCenterError(
      .exhausted, "\(method) failed after \(attempts) attempts on \(configuration.endpoints.count) endpoint(s); last: \(lastError.reason)",
      status: lastError.status)
  }

  private func once<Result: Codable & Sendable>(
    _ method: String, endpoint: Int, query: [(String, String)], body: (any Encodable & Sendable)?
  ) async throws -> Result {
    let base = configuration.endpoints[endpoint]
    var components = URLComponents(string: base.hasSuffix("/") ? base + method : base + "/" + method)
    if !query.isEmpty { components?.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
    guard let url = components?.url?.absoluteString else {
      throw TONCenterError(.invalidRequest, "cannot build a URL from endpoint \(base) and method \(method)")
    }
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "Accept", value: "application/json")
    if let apiKey = configuration.apiKey { request.headers.add(name: "X-API-Key", value: apiKey) }
    if let body {
      request.method = .POST
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))
    }
    let status: Int
    let bytes: [UInt8]
    do {
      let response = try await httpClient.execute(request, timeout: .milliseconds(Int64(configuration.requestTimeout * 1000)))
      status = Int(response.status.code)
      var buffer = try await response.body.collect(upTo: 64 << 20)
      bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
    } catch let error as TONCenterError {
      throw error
    } catch {
      throw TONCenterError(.transport, "\(method) on \(base): \(error)")
    }
    if status == 429 { throw TONCenterError(.rateLimited, "\(base) answered 429 Too Many Requests", status: 429) }
    let envelope: TONCenterModels.Envelope<Result>
    do {
      envelope = try JSONDecoder().decode(TONCenterModels.Envelope<Result>.self, from: Data(bytes))
    } catch {
      if status >= 400 { throw TONCenterError(.http, "\(method) on \(base) answered HTTP \(status)", status: status) }
      throw TONCenterError(.decoding, "\(method) on \(base): the answer is not the expected JSON: \(error)")
    }
    guard envelope.ok else {
      throw TONCenterError(.api, "\(method) on \(base): \(envelope.error ?? "no error text")", status: envelope.code ?? status)
    }
    guard let result = envelope.result else {
      throw TONCenterError(.decoding, "\(method) on \(base): ok is true but there is no result")
    }
    return result
  }
}
