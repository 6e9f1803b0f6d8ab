/// An error raised by the TON toolkit: a stable ``Code`` plus a human-readable reason.
///
/// Two errors are equal when their codes are equal; the reason and the throw site are for people.
public struct TONError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A stable, extensible error code.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, Sendable {
      case cellOverflow, cellUnderflow, invalidCell, cellTooDeep
      case bocTruncated, bocBadMagic, bocBadCRC, bocReferenceOutOfRange, bocCycle, bocTooDeep
      case bocLimitExceeded, bocMalformed, invalidEncoding
      case invalidAddress, unsupportedAddress
      case invalidMnemonic, invalidKey, dictionary, invalidValue, fileAccess
      case emulatorUnavailable, emulatorFailed
    }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// Too many bits or references for one cell.
    public static let cellOverflow = Code(.cellOverflow)
    /// A read past the end of a cell's bits or references.
    public static let cellUnderflow = Code(.cellUnderflow)
    /// Cell contents that break the rules of its type.
    public static let invalidCell = Code(.invalidCell)
    /// A cell deeper than the maximum of 1024.
    public static let cellTooDeep = Code(.cellTooDeep)
    /// A bag of cells that ends early.
    public static let bocTruncated = Code(.bocTruncated)
    /// A bag of cells with an unknown magic prefix.
    public static let bocBadMagic = Code(.bocBadMagic)
    /// A bag of cells whose CRC32C does not match.
    public static let bocBadCRC = Code(.bocBadCRC)
    /// A cell reference or root index outside the bag.
    public static let bocReferenceOutOfRange = Code(.bocReferenceOutOfRange)
    /// Cells that refer to each other in a loop.
    public static let bocCycle = Code(.bocCycle)
    /// A bag of cells deeper than the configured limit.
    public static let bocTooDeep = Code(.bocTooDeep)
    /// A bag of cells over a configured size limit.
    public static let bocLimitExceeded = Code(.bocLimitExceeded)
    /// A bag of cells with an inconsistent header or cell layout.
    public static let bocMalformed = Code(.bocMalformed)
    /// Text that is not valid hex or base64.
    public static let invalidEncoding = Code(.invalidEncoding)
    /// An address that cannot be parsed.
    public static let invalidAddress = Code(.invalidAddress)
    /// An address form the toolkit refuses (anycast, addr_var, external).
    public static let unsupportedAddress = Code(.unsupportedAddress)
    /// A mnemonic phrase that is not a valid TON mnemonic.
    public static let invalidMnemonic = Code(.invalidMnemonic)
    /// A key of the wrong size or form.
    public static let invalidKey = Code(.invalidKey)
    /// A malformed or misused HashmapE dictionary.
    public static let dictionary = Code(.dictionary)
    /// A value out of the accepted range.
    public static let invalidValue = Code(.invalidValue)
    /// A file that could not be read or written.
    public static let fileAccess = Code(.fileAccess)
    /// The emulator library could not be found or loaded.
    public static let emulatorUnavailable = Code(.emulatorUnavailable)
    /// The emulator refused a request or answered with something unexpected.
    public static let emulatorFailed = Code(.emulatorFailed)

    public var description: String { base.rawValue }
  }

  /// What went wrong, as a stable code.
  public let code: Code
  /// What was wrong and what is accepted.
  public let reason: String
  /// The throw site.
  public let file: String
  /// The throw site's line.
  public let line: Int

  /// Creates an error.
  public init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
    self.code = code
    self.reason = reason
    self.file = file
    self.line = line
  }

  public var description: String { "TONError.\(code): \(reason)" }

  public static func == (lhs: TONError, rhs: TONError) -> Bool { lhs.code == rhs.code }
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
