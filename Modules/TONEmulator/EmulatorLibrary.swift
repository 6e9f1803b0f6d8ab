import Foundation
public import TON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The official TON emulator library (`libemulator`, the C API of `emulator-extern.h`), loaded with `dlopen`.
///
/// Fetch it with `Tools/fetch-ton-emulator` (into `.tools/ton/`), or point `COCOON_TON_EMULATOR` at a copy.
public final class EmulatorLibrary: @unchecked Sendable {
  /// The environment variable naming the library's path.
  public static let environmentVariable = "COCOON_TON_EMULATOR"
  /// The library's path relative to the repository root, where `Tools/fetch-ton-emulator` puts it.
  public static let defaultRelativePath = ".tools/ton/libemulator.so"

  /// The path the library was loaded from.
  public let path: String
  private let handle: UnsafeMutableRawPointer
  let functions: Functions

  /// Loads the library.
  /// - Parameter path: an explicit path (a config key); else `COCOON_TON_EMULATOR`; else `.tools/ton/libemulator.so`
  ///   in the current directory or one of its parents.
  /// - Throws: ``TONError`` `.emulatorUnavailable`, naming `Tools/fetch-ton-emulator`.
  public init(path explicitPath: String? = nil) throws {
    guard let path = EmulatorLibrary.resolve(explicitPath) else {
      throw TONError(
        .emulatorUnavailable,
        "the TON emulator library was not found: run Tools/fetch-ton-emulator (it puts it in \(EmulatorLibrary.defaultRelativePath)), or set \(EmulatorLibrary.environmentVariable) or the emulator path setting")
    }
    guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
      let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
      throw TONError(.emulatorUnavailable, "cannot load the TON emulator library at \(path): \(reason); run Tools/fetch-ton-emulator")
    }
    self.path = path
    self.handle = handle
    functions = try Functions(handle: handle)
    _ = functions.setVerbosity(0)
  }

  deinit { dlclose(handle) }

  /// Finds the library: the explicit path, the environment variable, then `.tools/ton/` upwards from the current directory.
  public static func resolve(_ explicitPath: String? = nil) -> String? {
    if let explicitPath, !explicitPath.isEmpty {
      return FileManager.default.fileExists(atPath: explicitPath) ? explicitPath : nil
    }
    if let fromEnvironment = ProcessInfo.processInfo.environment[environmentVariable], !fromEnvironment.isEmpty {
      return FileManager.default.fileExists(atPath: fromEnvironment) ? fromEnvironment : nil
    }
    return findUpwards(defaultRelativePath)
  }

  /// Looks for `relativePath` in the current directory and its parents.
  public static func findUpwards(_ relativePath: String) -> String? {
    var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    for _ in 0..<12 {
      let candidate = directory.appendingPathComponent(relativePath).path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { break }
      directory = parent
    }
    return nil
  }

  /// The config BoC fetched beside the library (`config.boc`), if present.
  public var bundledConfig: Cell? {
    let url = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("config.boc")
    guard let data = try? Data(contentsOf: url) else { return nil }
    return try? Cell.fromBoC([UInt8](data))
  }

  /// Takes ownership of a string the library returned (allocated with `malloc`).
  func take(_ pointer: UnsafePointer<CChar>?) throws -> [String: Any] {
    guard let pointer else { throw TONError(.emulatorFailed, "the emulator returned no result") }
    defer { free(UnsafeMutablePointer(mutating: pointer)) }
    let data = Data(bytes: pointer, count: strlen(pointer))
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw TONError(.emulatorFailed, "the emulator returned something that is not a JSON object")
    }
    return object
  }
}

/// The C entry points used, resolved once.
struct Functions: @unchecked Sendable {
  typealias Pointer = UnsafeMutableRawPointer
  typealias CString = UnsafePointer<CChar>

  typealias SetVerbosityFunction = @convention(c) (Int32) -> Bool
  let setVerbosity: SetVerbosityFunction
  typealias TxCreateFunction = @convention(c) (CString?, Int32) -> Pointer?
  let txCreate: TxCreateFunction
  typealias TxDestroyFunction = @convention(c) (Pointer?) -> Void
  let txDestroy: TxDestroyFunction
  typealias TxSetUnixtimeFunction = @convention(c) (Pointer?, UInt32) -> Bool
  let txSetUnixtime: TxSetUnixtimeFunction
  typealias TxSetLTFunction = @convention(c) (Pointer?, UInt64) -> Bool
  let txSetLT: TxSetLTFunction
  typealias TxSetRandSeedFunction = @convention(c) (Pointer?, CString?) -> Bool
  let txSetRandSeed: TxSetRandSeedFunction
  typealias TxSetIgnoreChksigFunction = @convention(c) (Pointer?, Bool) -> Bool
  let txSetIgnoreChksig: TxSetIgnoreChksigFunction
  typealias TxSetLibsFunction = @convention(c) (Pointer?, CString?) -> Bool
  let txSetLibs: TxSetLibsFunction
  typealias TxEmulateFunction = @convention(c) (Pointer?, CString?, CString?) -> CString?
  let txEmulate: TxEmulateFunction
  typealias TvmCreateFunction = @convention(c) (CString?, CString?, Int32) -> Pointer?
  let tvmCreate: TvmCreateFunction
  typealias TvmDestroyFunction = @convention(c) (Pointer?) -> Void
  let tvmDestroy: TvmDestroyFunction
  typealias TvmSetC7Function = @convention(c) (Pointer?, CString?, UInt32, UInt64, CString?, CString?) -> Bool
  let tvmSetC7: TvmSetC7Function
  typealias TvmSetGasLimitFunction = @convention(c) (Pointer?, Int64) -> Bool
  let tvmSetGasLimit: TvmSetGasLimitFunction
  typealias TvmRunGetMethodFunction = @convention(c) (Pointer?, Int32, CString?) -> CString?
  let tvmRunGetMethod: TvmRunGetMethodFunction

  init(handle: UnsafeMutableRawPointer) throws {
    func symbol<T>(_ name: String, as type: T.Type) throws -> T {
      guard let address = dlsym(handle, name) else {
        throw TONError(.emulatorUnavailable, "the emulator library lacks \(name); fetch a current one with Tools/fetch-ton-emulator")
      }
      return unsafeBitCast(address, to: type)
    }
    setVerbosity = try symbol("emulator_set_verbosity_level", as: SetVerbosityFunction.self)
    txCreate = try symbol("transaction_emulator_create", as: TxCreateFunction.self)
    txDestroy = try symbol("transaction_emulator_destroy", as: TxDestroyFunction.self)
    txSetUnixtime = try symbol("transaction_emulator_set_unixtime", as: TxSetUnixtimeFunction.self)
    txSetLT = try symbol("transaction_emulator_set_lt", as: TxSetLTFunction.self)
    txSetRandSeed = try symbol("transaction_emulator_set_rand_seed", as: TxSetRandSeedFunction.self)
    txSetIgnoreChksig = try symbol("transaction_emulator_set_ignore_chksig", as: TxSetIgnoreChksigFunction.self)
    txSetLibs = try symbol("transaction_emulator_set_libs", as: TxSetLibsFunction.self)
    txEmulate = try symbol("transaction_emulator_emulate_transaction", as: TxEmulateFunction.self)
    tvmCreate = try symbol("tvm_emulator_create", as: TvmCreateFunction.self)
    tvmDestroy = try symbol("tvm_emulator_destroy", as: TvmDestroyFunction.self)
    tvmSetC7 = try symbol("tvm_emulator_set_c7", as: TvmSetC7Function.self)
    tvmSetGasLimit = try symbol("tvm_emulator_set_gas_limit", as: TvmSetGasLimitFunction.self)
    tvmRunGetMethod = try symbol("tvm_emulator_run_get_method", as: TvmRunGetMethodFunction.self)
  }
}
