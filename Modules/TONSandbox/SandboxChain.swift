public import BigInt
import Foundation
import GRDB
public import TON
public import TONEmulator

/// A local TON chain: accounts in SQLite, every message executed by the real emulator in logical-time order.
///
/// An external message is executed on its account; every internal message it causes (bounces included) is
/// then executed on its destination, lowest created lt first, all in one SQLite transaction.
public actor SandboxChain {
  /// The address the faucet's messages come from.
  public static let faucetAddress = try! Address(workchain: -1, hash: [UInt8](repeating: 0xFA, count: 32))
  /// The most transactions one external message may cause.
  public static let maxCascade = 10_000

  private let store: SandboxStore
  private let library: EmulatorLibrary
  private let emulator: TransactionEmulator
  /// The blockchain config the chain runs with.
  public let blockchainConfig: Cell

  /// Opens (or creates) the chain described by `configuration`, funding its initial accounts on creation.
  public init(configuration: SandboxConfiguration) throws {
    library = try EmulatorLibrary(path: configuration.emulatorPath)
    let config: Cell
    if let path = configuration.blockchainConfigPath {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw TONError(.fileAccess, "cannot read the blockchain config \(path)")
      }
      config = try Cell.fromBoC([UInt8](data))
    } else {
      guard let bundled = library.bundledConfig else {
        throw TONError(.emulatorUnavailable, "no blockchain config: run Tools/fetch-ton-emulator or set blockchain_config_path")
      }
      config = bundled
    }
    blockchainConfig = try Self.withGlobalID(config)
    emulator = try TransactionEmulator(library: library, config: blockchainConfig)
    store = try SandboxStore(path: configuration.statePath)
    for account in configuration.initialAccounts {
      let address = try Address(account.address)
      let exists = try store.queue.read { db in try SandboxStore.account(db, address) != nil }
      if !exists { _ = try fundNow(address, nanotons: try Coins.nanotons(fromTON: account.balance)) }
    }
  }

  private static var now: UInt32 { UInt32(Date().timeIntervalSince1970) }

  /// The current state of an account (`ShardAccount.none` when it never existed).
  public func account(_ address: Address) throws -> ShardAccount {
    try store.queue.read { db in try SandboxStore.account(db, address) } ?? .none
  }

  /// Transactions of an account, newest first.
  public func transactions(_ address: Address, limit: Int, fromLT: UInt64? = nil) throws -> [TransactionInfo] {
    try store.transactions(address, limit: limit, fromLT: fromLT)
  }

  /// The number of batches processed (the sandbox's "block" seqno).
  public func blockSeqno() throws -> UInt64 { try store.queue.read { db in try SandboxStore.meta(db, "block") } }

  /// Credits `nanotons` to `address` with a non-bouncing internal message from the faucet.
  public func fund(_ address: Address, nanotons: BigUInt) throws -> TransactionInfo { try fundNow(address, nanotons: nanotons) }

  private nonisolated func fundNow(_ address: Address, nanotons: BigUInt) throws -> TransactionInfo {
    let message = InternalMessage(destination: address, value: nanotons, bounce: false)
    let transactions = try process(destination: address) { lt in
      try message.cell(source: SandboxChain.faucetAddress, createdLT: lt, createdAt: SandboxChain.now)
    }
    return transactions[0]
  }

  /// Executes an external message and everything it causes.
  /// - Throws: ``TONError`` `.emulatorFailed` when the contract does not accept the message.
  public func sendExternal(_ message: Cell) throws -> [TransactionInfo] {
    let info = try MessageInfo(cell: message)
    guard info.kind == .externalIn, let destination = info.destination else {
      throw TONError(.invalidValue, "sendBoc takes an external inbound message to an addr_std destination")
    }
    return try process(destination: destination) { _ in message }
  }

  /// Emulates an external message on the current state without keeping the result.
  public func dryRun(_ message: Cell, ignoreSignatures: Bool) throws -> EmulationResult {
    let info = try MessageInfo(cell: message)
    guard let destination = info.destination else { throw TONError(.invalidValue, "the message has no destination") }
    return try store.queue.read { db in
      let shard = try SandboxStore.account(db, destination) ?? .none
      let lt = try SandboxStore.meta(db, "lt")
      return try emulator.emulate(
        shardAccount: shard, message: message, unixtime: SandboxChain.now, lt: lt, ignoreSignatures: ignoreSignatures)
    }
  }

  /// Runs a get-method on an active account.
  public func runGetMethod(_ address: Address, method: String, stack: [TVMValue]) throws -> GetMethodResult {
    let shard = try account(address)
    guard let info = try shard.info, case .active(let code?, let data?) = info.state else {
      throw TONError(.invalidValue, "get-methods run on active accounts; \(address.raw) is not active")
    }
    let tvm = try TVMEmulator(library: library, code: code, data: data)
    try tvm.setContext(address: address, unixtime: SandboxChain.now, balance: UInt64(clamping: info.balance), config: blockchainConfig)
    return try tvm.run(method, stack: stack)
  }

  /// Runs the first message on `destination`, then every internal message it causes, lowest lt first.
  private nonisolated func process(destination: Address, first: (UInt64) throws -> Cell) throws -> [TransactionInfo] {
    try store.queue.write { db in
      var lt = try SandboxStore.meta(db, "lt")
      var pending: [(lt: UInt64, order: Int, message: Cell, destination: Address)] = [(lt, 0, try first(lt), destination)]
      var done: [TransactionInfo] = []
      var order = 0
      while !pending.isEmpty {
        let index = pending.indices.min { (pending[$0].lt, pending[$0].order) < (pending[$1].lt, pending[$1].order) }!
        let next = pending.remove(at: index)
        let shard = try SandboxStore.account(db, next.destination) ?? .none
        let result = try emulator.emulate(
          shardAccount: shard, message: next.message, unixtime: SandboxChain.now, lt: max(lt, next.lt + 1))
        guard result.success, let transaction = result.transaction, let newShard = result.shardAccount else {
          if done.isEmpty {
            let code = result.vmExitCode.map { " (exit code \($0))" } ?? ""
            throw TONError(
              .emulatorFailed, "the message was not accepted\(code): \(result.error ?? "no reason given")")
          }
          continue  // an internal message the emulator could not apply is dropped, as a validator would
        }
        try SandboxStore.saveAccount(db, next.destination, newShard)
        try SandboxStore.saveTransaction(db, next.destination, transaction)
        done.append(transaction)
        lt = max(lt, transaction.lt + UInt64(transaction.outMessages.count) + 1)
        for message in transaction.outMessages {
          let info = try MessageInfo(cell: message)
          guard info.kind == .internal, let target = info.destination else { continue }
          order += 1
          pending.append((info.createdLT, order, message, target))
        }
        guard done.count < SandboxChain.maxCascade else {
          throw TONError(.emulatorFailed, "one message caused more than \(SandboxChain.maxCascade) transactions")
        }
      }
      try SandboxStore.setMeta(db, "lt", lt + 1)
      try SandboxStore.setMeta(db, "block", try SandboxStore.meta(db, "block") + 1)
      return done
    }
  }
}
