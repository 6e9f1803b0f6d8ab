import CocoonCore
public import Foundation

/// A configuration file, parsed and decoded.
public struct LoadedConfiguration: Sendable {
  /// The path as given.
  public var path: String
  /// The directory relative paths in the file resolve against.
  public var directory: String
  /// The file's text.
  public var text: String
  /// The parsed document, with positions.
  public var tree: YAMLTree
  /// The typed configuration.
  public var configuration: CocoonConfiguration
  /// The environment `${VAR}` references were resolved against.
  public var environment: [String: String]
}

/// Reads `cocoon.yaml` files.
public enum ConfigLoader {
  /// Loads and validates the file at `path`.
  /// - Throws: ``CocoonError`` whose reason reads `file:line:column: what is wrong; what is accepted`.
  public static func load(
    path: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> LoadedConfiguration {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CocoonError(
        .configUnreadable,
        "cannot read configuration file '\(path)': \(Self.describe(error)); pass --config PATH to a cocoon.yaml")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CocoonError(.configUnreadable, "\(path): the file is not UTF-8 text; save it as UTF-8")
    }
    let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    return try load(text: text, path: path, directory: directory, environment: environment)
  }

  /// Validates configuration text; `path` names it in messages.
  public static func load(
    text: String, path: String, directory: String, environment: [String: String]
  ) throws -> LoadedConfiguration {
    let tree = try YAMLTree.parse(text, file: path)
    let configuration = try YAMLDocumentDecoder(environment: environment).decode(CocoonConfiguration.self, from: tree)
    return LoadedConfiguration(
      path: path, directory: directory, text: text, tree: tree, configuration: configuration, environment: environment)
  }

  private static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
