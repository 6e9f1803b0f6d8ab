/// The three kinds of process in a Cocoon network.
public enum Role: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  /// Serves models inside a TEE and earns payment.
  case node
  /// Verifies peers, routes requests, counts tokens and settles payments.
  case coordinator
  /// Serves the OpenAI-compatible API to applications and pays for usage.
  case client

  public var description: String { rawValue }
}
