public import Logging

/// Process-wide logging set-up, done once in `main`.
public enum CocoonLogging {
  /// Bootstraps swift-log to standard error at `level`.
  public static func bootstrap(level: Logger.Level) {
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
  }
}
