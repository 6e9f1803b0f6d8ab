public import CocoonCore

extension CocoonError.Code {
  /// The file is not valid YAML.
  public static let configSyntax = Self("config.syntax")
  /// A mapping has a key the schema does not know.
  public static let configUnknownKey = Self("config.unknownKey")
  /// A value has the wrong type (e.g. a string where a number is expected).
  public static let configTypeMismatch = Self("config.typeMismatch")
  /// A required key is missing.
  public static let configMissingKey = Self("config.missingKey")
  /// A number is outside its accepted range.
  public static let configOutOfRange = Self("config.outOfRange")
  /// A value is malformed for its field (an endpoint, a hash, …).
  public static let configInvalidValue = Self("config.invalidValue")
  /// A plugin name is not registered.
  public static let configUnknownPlugin = Self("config.unknownPlugin")
  /// `${VAR}` names an environment variable that is not set.
  public static let configMissingEnvironment = Self("config.missingEnvironment")
  /// The file cannot be read.
  public static let configUnreadable = Self("config.unreadable")
}

extension CocoonError {
  /// A configuration error whose reason reads `file:line:column: what is wrong; what is accepted`.
  public static func config(
    _ code: CocoonError.Code, at location: SourceLocation, _ problem: String, accepted: String? = nil,
    file: String = #fileID, line: Int = #line
  ) -> CocoonError {
    let suffix = accepted.map { "; \($0)" } ?? ""
    return CocoonError(code, "\(location): \(problem)\(suffix)", file: file, line: line)
  }
}
