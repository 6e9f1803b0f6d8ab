public import ArgumentParser
import CocoonConfig
import CocoonCore
import Logging

/// Options every role command takes.
public struct SharedOptions: ParsableArguments {
  @Option(name: .long, help: "The deployment file.")
  public var config: String = "./cocoon.yaml"

  @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
  public var logLevel: String = "info"

  public init() {}

  /// The parsed log level.
  func level() throws -> Logger.Level {
    guard let level = Logger.Level(rawValue: logLevel) else {
      throw ValidationError("'\(logLevel)' is not a log level; accepted: trace, debug, info, notice, warning, error, critical")
    }
    return level
  }

  public func validate() throws { _ = try level() }

  /// Loads and validates the configuration file.
  func load() throws -> LoadedConfiguration { try ConfigLoader.load(path: config) }
}

