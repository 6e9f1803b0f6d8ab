import CocoonTestSupport
import Foundation
import TON

/// Runs the built `cocoon-ton-sandbox` executable as a separate process and learns its port from stdout.
final class SandboxProcess: @unchecked Sendable {
  let process = Process()
  let port: Int

  static var executable: URL? {
    if let path = ProcessInfo.processInfo.environment["COCOON_TON_SANDBOX_BIN"] { return URL(fileURLWithPath: path) }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("cocoon-ton-sandbox")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }

  init(configPath: String) async throws {
    guard let executable = SandboxProcess.executable else {
      throw TONError(.fileAccess, "cocoon-ton-sandbox was not built next to the test bundle")
    }
    process.executableURL = executable
    process.arguments = ["serve", "--config", configPath]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let handle = output.fileHandleForReading
    port = try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        var text = ""
        while true {
          let data = handle.availableData
          if data.isEmpty {
            continuation.resume(throwing: TONError(.fileAccess, "cocoon-ton-sandbox exited before listening: \(text)"))
            return
          }
          text += String(decoding: data, as: UTF8.self)
          if let range = text.range(of: "listening on http://127.0.0.1:"),
            let end = text[range.upperBound...].firstIndex(of: "/"),
            let port = Int(text[range.upperBound..<end])
          {
            continuation.resume(returning: port)
            return
          }
        }
      }
    }
  }

  /// Writes a sandbox config (loopback, a free port, state in a fresh temporary folder) and passes its path to `body`.
  static func withTemporaryConfig<T>(
    initialAccounts: [(address: Address, ton: String)] = [], _ body: (String) async throws -> T
  ) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ton-sandbox-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var yaml = """
      ton_sandbox:
        listen: "127.0.0.1:0"
        state_path: "\(directory.appendingPathComponent("chain.sqlite").path)"

      """
    if !initialAccounts.isEmpty {
      yaml += "  initial_accounts:\n"
      for account in initialAccounts {
        yaml += "    - address: \"\(account.address.friendly(bounceable: false))\"\n      balance: \"\(account.ton)\"\n"
      }
    }
    let configPath = directory.appendingPathComponent("sandbox.yaml").path
    try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
    return try await body(configPath)
  }

  /// Runs the executable with `arguments` to completion; throws on a non-zero exit.
  static func runToEnd(_ arguments: [String]) async throws {
    guard let executable else { throw TONError(.fileAccess, "cocoon-ton-sandbox was not built next to the test bundle") }
    let result = try await ChildProcess.run(executable, arguments)
    guard result.status == 0 else {
      throw TONError(
        .fileAccess,
        "cocoon-ton-sandbox \(arguments.joined(separator: " ")) exited with \(result.status): \(result.stderr)")
    }
  }

  /// Starts a sandbox on `configPath`, runs `body` with it and stops it, also when `body` throws.
  static func running<T>(configPath: String, _ body: (SandboxProcess) async throws -> T) async throws -> T {
    let sandbox = try await SandboxProcess(configPath: configPath)
    do {
      let result = try await body(sandbox)
      await sandbox.stop()
      return result
    } catch {
      await sandbox.stop()
      throw error
    }
  }

  /// Sends SIGTERM and waits, as a task, for the exit.
  func stop() async {
    await ChildProcess.stop(process)
  }

  /// A sandbox a test forgot to stop is terminated without waiting.
  deinit { if process.isRunning { process.terminate() } }
}
