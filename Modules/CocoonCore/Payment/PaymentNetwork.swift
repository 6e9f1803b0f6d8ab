public import Foundation

/// A client's account with one coordinator, as the ledger holds it.
public struct ClientAccount: Hashable, Sendable, Codable {
  /// Funds available beyond what has been charged.
  public var balance: NanoAmount
  /// The part of the balance locked as stake; withdrawals never go below it.
  public var stake: NanoAmount
  /// The cumulative charge of the latest voucher the ledger accepted.
  public var charged: NanoAmount
  /// When the stake becomes claimable after a close request, if one was made.
  public var unlockTime: Date?

  public init(balance: NanoAmount, stake: NanoAmount, charged: NanoAmount, unlockTime: Date? = nil) {
    self.balance = balance
    self.stake = stake
    self.charged = charged
    self.unlockTime = unlockTime
  }
}

/// A coordinator's commitment of its accounting state to the ledger, so its database cannot be silently rolled back.
public struct Checkpoint: Hashable, Sendable, Codable {
  public var sequence: UInt64
  /// SHA-256 of the coordinator's canonical accounting state.
  public var stateHash: Data
  public var signature: Data

  public init(sequence: UInt64, stateHash: Data, signature: Data) {
    self.sequence = sequence
    self.stateHash = stateHash
    self.signature = signature
  }
}

/// The ledger a network settles on: TON, or the embedded local one.
public protocol PaymentNetwork: Sendable {
  /// Identifies the network in vouchers (no replay across networks).
  var networkID: String { get }

  /// Reads the registry.
  func registry() async throws -> RegistrySnapshot

  /// Reads a client's account with a coordinator.
  func clientAccount(client: String, coordinator: String) async throws -> ClientAccount
  /// Adds funds to a client's account.
  func deposit(client: String, coordinator: String, amount: NanoAmount) async throws
  /// Locks part of the balance as stake.
  func increaseStake(client: String, coordinator: String, amount: NanoAmount) async throws
  /// Returns funds to the client; never below the stake plus charged amount.
  func withdraw(client: String, coordinator: String, amount: NanoAmount) async throws
  /// Starts closing a client's account: the part above the stake now, the stake after the close delay.
  func close(client: String, coordinator: String) async throws

  /// Submits a coordinator-signed voucher (a client charge or a node payout).
  func submit(_ voucher: PaymentVoucher) async throws
  /// The cumulative amount paid out to a node by a coordinator.
  func nodeEarnings(node: String, coordinator: String) async throws -> NanoAmount

  /// Commits a checkpoint; sequences must strictly increase.
  func commit(_ checkpoint: Checkpoint, coordinator: String) async throws
  /// The latest committed checkpoint of a coordinator, if any.
  func lastCheckpoint(coordinator: String) async throws -> Checkpoint?
}
