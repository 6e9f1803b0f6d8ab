/// An error from the TON Center client: a stable code, a reason, and the endpoint involved.
public struct TONCenterError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A stable, extensible error code.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, Sendable { case transport, http, api, decoding, exhausted, invalidRequest, rateLimited }
    private let base: Base
    private init(_ base: Base) { self.base = base }
    /// The connection failed or timed out.
    public static let transport = Code(.transport)
    /// The server answered with an HTTP error status.
    public static let http = Code(.http)
    /// The server answered `{"ok": false, …}`.
    public static let api = Code(.api)
    /// The answer did not have the expected shape.
    public static let decoding = Code(.decoding)
    /// Every attempt on every endpoint failed.
    public static let exhausted = Code(.exhausted)
    /// The request could not be built.
    public static let invalidRequest = Code(.invalidRequest)
    /// The server kept answering 429.
    public static let rateLimited = Code(.rateLimited)
    public var description: String { base.rawValue }
  }

  public let code: Code
  public let reason: String
  /// The HTTP status or API error code, when there was one.
  public let status: Int?
  public let file: String
  public let line: Int

  public init(_ code: Code, _ reason: String, status: Int? = nil, file: String = #fileID, line: Int = #line) {
    self.code = code
    self.reason = reason
    self.status = status
    self.file = file
    self.line = line
  }

  /// Whether another attempt (after a pause, maybe on another endpoint) may succeed: 429, 5xx, transport.
  public var isRetryable: Bool {
    switch code {
    case .transport, .rateLimited: true
    case .http, .api: (status ?? 0) == 429 || (status ?? 0) >= 500
    default: false
    }
  }

  public var description: String { "TONCenterError.\(code)\(status.map { " (\($0))" } ?? ""): \(reason)" }
  public static func == (lhs: TONCenterError, rhs: TONCenterError) -> Bool { lhs.code == rhs.code }
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
