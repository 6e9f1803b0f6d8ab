import Foundation
public import TON

/// The result of a get-method run.
public struct GetMethodResult: Sendable {
  /// The TVM exit code (0 or 1 on success).
  public var exitCode: Int32
  /// Gas used.
  public var gasUsed: Int64
  /// The resulting stack, bottom first.
  public var stack: [TVMValue]
  /// The VM log.
  public var vmLog: String
}

/// Runs get-methods of a contract (code and data) in the official emulator.
public final class TVMEmulator: @unchecked Sendable {
  private let library: EmulatorLibrary
  private let handle: UnsafeMutableRawPointer
  private let lock = NSLock()

  /// Creates an emulator for one contract state.
  public init(library: EmulatorLibrary, code: Cell, data: Cell, verbosity: Int32 = 0) throws {
    self.library = library
    guard let handle = library.functions.tvmCreate(code.toBoCBase64(), data.toBoCBase64(), verbosity) else {
      throw TONError(.emulatorFailed, "the emulator refused the contract code or data")
    }
    self.handle = handle
  }

  deinit { library.functions.tvmDestroy(handle) }

  /// Sets the context a get-method sees (address, time, balance, config).
  public func setContext(address: Address, unixtime: UInt32, balance: UInt64, config: Cell?, randomSeed: [UInt8] = [UInt8](repeating: 0, count: 32)) throws {
    let ok = lock.withLock {
      library.functions.tvmSetC7(
        handle, address.raw, unixtime, balance, ByteEncoding.hex(randomSeed), config?.toBoCBase64() ?? "")
    }
    guard ok else { throw TONError(.emulatorFailed, "the emulator refused the get-method context") }
  }

  /// The method id of a get-method name: CRC16-XMODEM of the name, `| 0x10000`.
  public static func methodID(_ name: String) -> Int32 {
    Int32(Checksums.crc16(Array(name.utf8))) | 0x10000
  }

  /// Runs a get-method by name.
  public func run(_ name: String, stack: [TVMValue] = [], gasLimit: Int64 = 10_000_000) throws -> GetMethodResult {
    try run(methodID: Int32(name) ?? TVMEmulator.methodID(name), stack: stack, gasLimit: gasLimit)
  }

  /// Runs a get-method by id.
  public func run(methodID: Int32, stack: [TVMValue] = [], gasLimit: Int64 = 10_000_000) throws -> GetMethodResult {
    let stackBase64 = try TVMStack.serialize(stack).toBoCBase64()
    let functions = library.functions
    let json: [String: Any] = try lock.withLock {
      _ = functions.tvmSetGasLimit(handle, gasLimit)
      return try library.take(functions.tvmRunGetMethod(handle, methodID, stackBase64))
    }
    guard json["success"] as? Bool == true else {
      throw TONError(.emulatorFailed, "the get-method run failed: \(json["error"] as? String ?? "no reason given")")
    }
    let exitCode = (json["vm_exit_code"] as? NSNumber).map { Int32(truncating: $0) } ?? -1
    let gas = (json["gas_used"] as? NSNumber)?.int64Value ?? Int64(json["gas_used"] as? String ?? "") ?? 0
    var values: [TVMValue] = []
    if let stack = json["stack"] as? String, !stack.isEmpty {
      values = try TVMStack.parse(Cell.fromBoC(stack))
    }
    return GetMethodResult(exitCode: exitCode, gasUsed: gas, stack: values, vmLog: json["vm_log"] as? String ?? "")
  }
}
