import BigInt
import CocoonTONContracts
import Foundation
import TON
import TONEmulator
import Testing

/// A small chain in the real emulator: accounts by address, a message queue, a clock, and the network's global id
/// (config parameter 19, which the contracts read).
final class ContractChain {
  static let library: EmulatorLibrary? = try? EmulatorLibrary()
  static let skipReason: Comment = "the TON emulator library is missing: run Tools/fetch-ton-emulator (Tools/test does)"
  static let ton: BigUInt = 1_000_000_000
  /// `COCOON_TVM_LOG=3` prints the VM log of every failed compute phase.
  static let logVerbosity = Int32(ProcessInfo.processInfo.environment["COCOON_TVM_LOG"] ?? "") ?? 0

  /// One transaction of a trace: the account, the transaction, and the message that caused it.
  struct Step {
    let address: Address
    let transaction: TransactionInfo
    let message: MessageInfo
  }

  /// The transactions one inbound message caused, in delivery order (the first is the inbound one).
  struct Trace {
    var steps: [Step]
    var first: TransactionInfo { steps[0].transaction }
    /// The first transaction on `address`.
    func on(_ address: Address) -> TransactionInfo? { steps.first { $0.address == address }?.transaction }
  }

  let library: EmulatorLibrary
  let config: Cell
  let globalID: Int32
  private let emulator: TransactionEmulator
  private var accounts: [Address: ShardAccount] = [:]
  private var lt: UInt64 = 1_000_000
  var now: UInt32 = 1_800_000_000

  init(globalID: Int32 = NetworkGlobalID.mainnet) throws {
    library = try EmulatorLibrary()
    guard let base = library.bundledConfig else {
      throw TONError(.invalidValue, "config.boc is fetched with the library")
    }
    config = try BlockchainConfig.settingGlobalID(globalID, in: base)
    self.globalID = globalID
    emulator = try TransactionEmulator(library: library, config: config, verbosity: Self.logVerbosity)
  }

  /// Delivers an internal message from `source`, then every internal message it causes (bounces included).
  @discardableResult
  func send(
    from source: Address, to destination: Address, value: BigUInt, body: Cell?, stateInit: StateInit? = nil,
    bounce: Bool = true
  ) throws -> Trace {
    let message = InternalMessage(
      destination: destination, value: value, bounce: bounce, body: body, stateInit: stateInit)
    return try run(try message.cell(source: source, createdLT: lt, createdAt: now))
  }

  /// Delivers a complete message cell and what follows from it.
  @discardableResult
  func run(_ first: Cell) throws -> Trace {
    var queue = [first]
    var steps: [Step] = []
    while !queue.isEmpty {
      let cell = queue.removeFirst()
      let info = try MessageInfo(cell: cell)
      guard let destination = info.destination else { continue }
      lt += 1_000
      let result = try emulator.emulate(shardAccount: account(destination), message: cell, unixtime: now, lt: lt)
      guard result.success, let transaction = result.transaction, let shard = result.shardAccount else {
        throw TONError(.emulatorFailed, "no transaction on \(destination): \(result.error ?? "no reason")")
      }
      if transaction.computeSuccess == false, Self.logVerbosity > 0 { print(result.vmLog) }
      accounts[destination] = shard
      lt = max(lt, transaction.lt + 10)
      steps.append(Step(address: destination, transaction: transaction, message: info))
      for out in transaction.outMessages where try MessageInfo(cell: out).kind == .internal { queue.append(out) }
      guard steps.count < 32 else { throw TONError(.emulatorFailed, "a message loop") }
    }
    return Trace(steps: steps)
  }

  /// Delivers an external message; returns the emulator's result (refused ones produce no transaction).
  func external(_ body: Cell, to destination: Address) throws -> EmulationResult {
    lt += 1_000
    let message = try ExternalMessage(destination: destination, body: body).cell()
    let result = try emulator.emulate(shardAccount: account(destination), message: message, unixtime: now, lt: lt)
    if let shard = result.shardAccount { accounts[destination] = shard }
    if let transaction = result.transaction { lt = max(lt, transaction.lt + 10) }
    return result
  }

  func account(_ address: Address) -> ShardAccount { accounts[address] ?? .none }

  func balance(_ address: Address) throws -> BigUInt { try account(address).info?.balance ?? 0 }

  /// The account's data cell, or nil when it is not active.
  func data(_ address: Address) throws -> Cell? {
    guard let info = try account(address).info, case .active(_, let data?) = info.state else { return nil }
    return data
  }

  /// Runs a get-method on the account's current code and data; throws unless it exits with 0 or 1.
  func get(_ address: Address, _ method: String) throws -> [TVMValue] {
    guard let info = try account(address).info, case .active(let code?, let data?) = info.state else {
      throw TONError(.invalidValue, "\(address) is not active")
    }
    let tvm = try TVMEmulator(library: library, code: code, data: data)
    try tvm.setContext(address: address, unixtime: now, balance: UInt64(info.balance), config: config)
    let result = try tvm.run(method)
    guard result.exitCode == 0 || result.exitCode == 1 else {
      throw TONError(.emulatorFailed, "\(method) exited with \(result.exitCode)")
    }
    return result.stack
  }

  /// A test wallet address (no contract behind it: it only sends and receives).
  static func wallet(_ byte: UInt8) -> Address { try! Address(workchain: 0, hash: [UInt8](repeating: byte, count: 32)) }
}
