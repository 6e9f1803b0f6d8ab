/// A `host:port` address.
public struct Endpoint: Hashable, Sendable, Codable, CustomStringConvertible {
  public var host: String
  public var port: Int

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// Parses `host:port`, `[ipv6]:port`.
  /// - Throws: ``CocoonError`` with code `invalidArgument` when malformed or the port is outside 1…65535.
  public init(parsing text: String) throws {
    let accepted = "accepted: host:port or [ipv6]:port with a port in 1…65535, e.g. 127.0.0.1:9301"
    var hostPart: Substring
    var portPart: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
        throw CocoonError(.invalidArgument, "'\(text)' is not an endpoint; \(accepted)")
      }
      hostPart = text[text.index(after: text.startIndex)..<close]
      portPart = text[text.index(close, offsetBy: 2)...]
    } else {
      guard let colon = text.lastIndex(of: ":") else {
        throw CocoonError(.invalidArgument, "'\(text)' has no port; \(accepted)")
      }
      hostPart = text[..<colon]
      portPart = text[text.index(after: colon)...]
    }
    guard !hostPart.isEmpty, let port = Int(portPart), (1...65535).contains(port) else {
      throw CocoonError(.invalidArgument, "'\(text)' is not an endpoint; \(accepted)")
    }
    self.host = String(hostPart)
    self.port = port
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do {
      try self.init(parsing: text)
    } catch let error as CocoonError {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.reason))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
