public import Foundation

/// What a finished child process printed and how it ended.
public struct ChildProcessResult: Sendable {
  /// The exit status, or the signal number when `killedBySignal`.
  public var status: Int32
  public var stdout: String
  public var stderr: String
  public var killedBySignal: Bool
  /// The child ran past the caller's timeout and was killed.
  public var timedOut: Bool

  public init(status: Int32, stdout: String, stderr: String, killedBySignal: Bool = false, timedOut: Bool = false) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
    self.killedBySignal = killedBySignal
    self.timedOut = timedOut
  }
}

/// Runs child processes from tests without blocking a thread of Swift's cooperative pool.
///
/// Tests run in parallel on a pool with one thread per core (two in CI). A test that calls `waitUntilExit()` or reads
/// a pipe to its end holds a pool thread for as long as the child runs; two such tests stall every other test,
/// and network tests whose peers time out on NIO's own threads then fail. So children write to files, and waiting
/// is a poll that sleeps as a task. Output goes to files, never pipes: a child cannot block on a full pipe.
public enum ChildProcess {
  /// Runs `executable` to completion and returns its exit status and output.
  /// - Parameters:
  ///   - mergeOutput: write stderr into stdout (the result's `stderr` is then empty).
  ///   - environment: added to (and overriding) this process's environment.
  ///   - timeout: when set, a child still running after it is killed (SIGKILL) and the result says `timedOut`.
  public static func run(
    _ executable: URL, _ arguments: [String] = [], in directory: URL? = nil, environment: [String: String] = [:],
    mergeOutput: Bool = false, timeout: Duration? = nil
  ) async throws -> ChildProcessResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let stdoutFile = folder.appendingPathComponent("stdout")
    let stderrFile = folder.appendingPathComponent("stderr")
    let out = try writableHandle(stdoutFile)
    let err = mergeOutput ? out : try writableHandle(stderrFile)
    let process = configured(executable, arguments, in: directory, environment: environment)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    try? out.close()
    if !mergeOutput { try? err.close() }
    let timedOut = await waitForExit(process, timeout: timeout)
    let text = { (url: URL) in (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } ?? "" }
    return ChildProcessResult(
      status: process.terminationStatus, stdout: text(stdoutFile), stderr: mergeOutput ? "" : text(stderrFile),
      killedBySignal: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
  }

  /// Starts `executable` in the background with stdout discarded and stderr appended to `log` (created if missing).
  public static func start(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
    log: URL? = nil
  ) throws -> Process {
    let process = configured(executable, arguments, in: directory, environment: environment)
    process.standardOutput = FileHandle.nullDevice
    if let log {
      if !FileManager.default.fileExists(atPath: log.path) {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
      }
      let handle = try FileHandle(forWritingTo: log)
      handle.seekToEndOfFile()
      process.standardError = handle
    } else {
      process.standardError = FileHandle.nullDevice
    }
    try process.run()
    return process
  }

  /// Waits, as a task, until `process` has exited.
  public static func waitForExit(_ process: Process) async {
    while process.isRunning {
      try? await Task.sleep(for: .milliseconds(20))
    }
  }

  /// Waits until `process` has exited; after `timeout` (when set) kills it with SIGKILL and returns true.
  @discardableResult
  public static func waitForExit(_ process: Process, timeout: Duration?) async -> Bool {
    guard let timeout else {
      await waitForExit(process)
      return false
    }
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      if ContinuousClock.now >= deadline {
        kill(process.processIdentifier, SIGKILL)
        await waitForExit(process)
        return true
      }
      try? await Task.sleep(for: .milliseconds(20))
    }
    return false
  }

  /// Whether python3 can make a virtual environment (python3-venv, which Tools/setup installs): the condition of the
  /// tests that run the Python cross-checks. Evaluated once, synchronously (a fraction of a second).
  public static let pythonCanMakeVirtualEnvironment: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import ensurepip, venv"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  /// Sends SIGTERM when the process still runs, then waits for its exit; after `deadline` (when set) kills it with
  /// SIGKILL. Returns true when it had to be killed.
  @discardableResult
  public static func stop(_ process: Process, deadline: Duration? = nil) async -> Bool {
    if process.isRunning { process.terminate() }
    return await waitForExit(process, timeout: deadline)
  }

  private static func configured(
    _ executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String]
  ) -> Process {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    return process
  }

  private static func writableHandle(_ url: URL) throws -> FileHandle {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    return try FileHandle(forWritingTo: url)
  }
}

/// Runs CPU-heavy synchronous test work on a thread of its own, so it does not hold a cooperative pool thread
/// that network tests running in parallel need.
public func offCooperativePool<Value: Sendable>(
  _ work: @escaping @Sendable () throws -> Value
) async throws -> Value {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread {
      continuation.resume(with: Result { try work() })
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
}
