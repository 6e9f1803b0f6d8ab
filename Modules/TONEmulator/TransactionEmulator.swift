import Foundation
public import TON

/// The result of emulating one inbound message on one account.
public struct EmulationResult: Sendable {
  /// Whether the emulator produced a transaction.
  public var success: Bool
  /// The transaction, when one was produced.
  public var transaction: TransactionInfo?
  /// The account after the transaction.
  public var shardAccount: ShardAccount?
  /// The emulator's error text when no transaction was produced.
  public var error: String?
  /// Whether an external message was not accepted by the contract (it threw before `ACCEPT`).
  public var externalNotAccepted: Bool
  /// The TVM exit code reported with a refused external message.
  public var vmExitCode: Int32?
  /// The VM log (empty unless verbosity was raised).
  public var vmLog: String
}

/// Runs transactions in the official emulator: one account, one inbound message, real fees and gas.
///
/// Calls are serialized by a lock; the emulator object is not thread-safe.
public final class TransactionEmulator: @unchecked Sendable {
  private let library: EmulatorLibrary
  private let handle: UnsafeMutableRawPointer
  private let lock = NSLock()

  /// Creates an emulator with a blockchain config.
  /// - Parameters:
  ///   - config: the config cell (`ConfigParams` dictionary root, as in `.tools/ton/config.boc`).
  ///   - verbosity: the VM log verbosity, 0 to 5.
  public init(library: EmulatorLibrary, config: Cell, verbosity: Int32 = 0) throws {
    self.library = library
    let base64 = config.toBoCBase64()
    guard let handle = library.functions.txCreate(base64, verbosity) else {
      throw TONError(.emulatorFailed, "the emulator refused the blockchain config")
    }
    self.handle = handle
  }

  deinit { library.functions.txDestroy(handle) }

  /// Emulates `message` arriving at the account.
  /// - Parameters:
  ///   - unixtime: the block time.
  ///   - lt: the logical time the transaction starts at.
  ///   - randomSeed: 32 bytes; zeros when omitted (deterministic).
  ///   - ignoreSignatures: makes `CHKSIGN` always succeed (for fee estimation).
  public func emulate(
    shardAccount: ShardAccount, message: Cell, unixtime: UInt32, lt: UInt64,
    randomSeed: [UInt8] = [UInt8](repeating: 0, count: 32), ignoreSignatures: Bool = false
  ) throws -> EmulationResult {
    let accountBase64 = try shardAccount.cell().toBoCBase64()
    let messageBase64 = message.toBoCBase64()
    let functions = library.functions
    let json: [String: Any] = try lock.withLock {
      _ = functions.txSetUnixtime(handle, unixtime)
      _ = functions.txSetLT(handle, lt)
      _ = functions.txSetRandSeed(handle, ByteEncoding.hex(randomSeed))
      _ = functions.txSetIgnoreChksig(handle, ignoreSignatures)
      return try library.take(functions.txEmulate(handle, accountBase64, messageBase64))
    }
    let success = json["success"] as? Bool ?? false
    var result = EmulationResult(
      success: success, transaction: nil, shardAccount: nil, error: json["error"] as? String,
      externalNotAccepted: json["external_not_accepted"] as? Bool ?? false,
      vmExitCode: (json["vm_exit_code"] as? NSNumber).map { Int32(truncating: $0) },
      vmLog: json["vm_log"] as? String ?? "")
    guard success else { return result }
    guard let transaction = json["transaction"] as? String, let account = json["shard_account"] as? String else {
      throw TONError(.emulatorFailed, "the emulator reported success without a transaction and an account")
    }
    result.transaction = try TransactionInfo(cell: Cell.fromBoC(transaction))
    result.shardAccount = try ShardAccount(cell: Cell.fromBoC(account))
    return result
  }
}
