import BigInt
import Foundation
import TON
import TONEmulator
import Testing

/// A one-account chain driven through the real emulator, for wallet tests.
final class EmulatorHarness {
  static let library: EmulatorLibrary? = try? EmulatorLibrary()
  static let skipReason: Comment = "the TON emulator library is missing: run Tools/fetch-ton-emulator (the test command does)"

  let library: EmulatorLibrary
  let config: Cell
  let emulator: TransactionEmulator
  var accounts: [Address: ShardAccount] = [:]
  var lt: UInt64 = 1_000_000
  var now = UInt32(Date().timeIntervalSince1970)
  static let faucet = try! Address(workchain: -1, hash: [UInt8](repeating: 0xFA, count: 32))

  init() throws {
    library = try EmulatorLibrary()
    config = try require_(library.bundledConfig, "config.boc is fetched with the library")
    emulator = try TransactionEmulator(library: library, config: config)
  }

  func account(_ address: Address) -> ShardAccount { accounts[address] ?? .none }

  /// Emulates a message on its destination and stores the new account state on success.
  @discardableResult
  func deliver(_ message: Cell, to address: Address) throws -> EmulationResult {
    lt += 1_000
    let result = try emulator.emulate(shardAccount: account(address), message: message, unixtime: now, lt: lt)
    if let shard = result.shardAccount { accounts[address] = shard }
    if let transaction = result.transaction { lt = max(lt, transaction.lt + 10) }
    return result
  }

  /// Sends `amount` from an outside faucet (no bounce), as a local chain would.
  func fund(_ address: Address, amount: BigUInt) throws -> EmulationResult {
    let message = InternalMessage(destination: address, value: amount, bounce: false)
    return try deliver(try message.cell(source: EmulatorHarness.faucet, createdLT: lt, createdAt: now), to: address)
  }

  func balance(_ address: Address) throws -> BigUInt { try account(address).info?.balance ?? 0 }

  /// Runs a get-method on the account's current code and data.
  func get(_ address: Address, _ method: String) throws -> GetMethodResult {
    guard let info = try account(address).info, case .active(let code?, let data?) = info.state else {
      throw TONError(.invalidValue, "the account is not active")
    }
    let tvm = try TVMEmulator(library: library, code: code, data: data)
    try tvm.setContext(address: address, unixtime: now, balance: UInt64(info.balance), config: config)
    return try tvm.run(method)
  }
}

func require_<T>(_ value: T?, _ what: String) throws -> T {
  guard let value else { throw TONError(.invalidValue, what) }
  return value
}
