/// An error a user or a plugin author can see: a stable code, a human-readable reason and the throw site.
///
/// Equality compares codes only, so tests and callers can match on the kind of failure without depending on the
/// wording. Reasons say what was wrong and what is accepted; they never contain secrets, keys or evidence bytes.
public struct CocoonError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of failure. New codes can be added without breaking a third party's code.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    /// The code's stable identifier, e.g. `config.unknownKey`.
    public let identifier: String

    /// Creates a code; plugins may define their own under their own prefix (`tdx.…`, `cpu.…`).
    public init(_ identifier: String) { self.identifier = identifier }

    public var description: String { identifier }
  }

  /// What went wrong, for matching.
  public let code: Code
  /// What was wrong and what is accepted, for people.
  public let reason: String
  /// Where the error was thrown.
  public let file: String
  /// Where the error was thrown.
  public let line: Int

  /// Creates an error at the caller's location.
  public init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
    self.code = code
    self.reason = reason
    self.file = file
    self.line = line
  }

  public var description: String { reason }

  public static func == (lhs: CocoonError, rhs: CocoonError) -> Bool { lhs.code == rhs.code }
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension CocoonError.Code {
  /// A value supplied by a user or peer is malformed or out of range.
  public static let invalidArgument = Self("core.invalidArgument")
  /// A plugin named in configuration is not registered in this build.
  public static let unknownPlugin = Self("core.unknownPlugin")
  /// A plugin's options could not be decoded.
  public static let invalidPluginOptions = Self("core.invalidPluginOptions")
  /// A requested model is not loaded or not known.
  public static let unknownModel = Self("core.unknownModel")
  /// A capability is not available in this process or on this machine.
  public static let unavailable = Self("core.unavailable")
  /// Attestation evidence or a peer failed verification.
  public static let attestationFailed = Self("attestation.failed")
  /// A payment operation was refused.
  public static let paymentRefused = Self("payment.refused")
  /// A transport-level failure (connection, handshake, framing).
  public static let transportFailed = Self("transport.failed")
  /// No node serving the requested model is connected.
  public static let noNodeAvailable = Self("network.noNodeAvailable")
  /// Every node is busy and the queue is full; retry later.
  public static let overloaded = Self("network.overloaded")
  /// The request asks for more tokens than the model's context allows.
  public static let tooManyTokens = Self("compute.tooManyTokens")
  /// The client's balance or stake does not cover the request.
  public static let insufficientBalance = Self("payment.insufficientBalance")
  /// The peer serving a request went away before it finished.
  public static let peerLost = Self("network.peerLost")
  /// The request was cancelled.
  public static let cancelled = Self("core.cancelled")
  /// An I/O failure reading or writing a file.
  public static let io = Self("core.io")
  /// A failure that is not a ``CocoonError`` (a bug, or a library's error passed through).
  public static let internalError = Self("core.internal")
}
