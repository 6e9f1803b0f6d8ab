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
  /// Whether the account is closed: everything was paid out and it accepts nothing more.
  public var closed: Bool

  public init(balance: NanoAmount, stake: NanoAmount, charged: NanoAmount, unlockTime: Date? = nil, closed: Bool = false) {
    self.balance = balance
    self.stake = stake
    self.charged = charged
    self.unlockTime = unlockTime
    self.closed = closed
  }
}

/// A coordinator's contract as the ledger holds it: its funds and the accounts that settle with it.
public struct CoordinatorAccount: Hashable, Sendable, Codable {
  /// Client charges received and not yet paid out to nodes or to the coordinator.
  public var balance: NanoAmount
  public var closed: Bool
  /// Client accounts with this coordinator, by client address.
  public var clients: [String: ClientAccount]
  /// Cumulative payouts to nodes, by node address.
  public var nodePayouts: [String: NanoAmount]

  public init(balance: NanoAmount, closed: Bool, clients: [String: ClientAccount], nodePayouts: [String: NanoAmount]) {
    self.balance = balance
    self.closed = closed
    self.clients = clients
    self.nodePayouts = nodePayouts
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
  /// Returns funds to the client; the balance never goes below the stake.
  func withdraw(client: String, coordinator: String, amount: NanoAmount) async throws
  /// Closes a client's account: the first call returns the part above the stake and starts the close delay; a call
  /// after the delay returns the rest of the stake and closes the account.
  func close(client: String, coordinator: String) async throws

  /// Submits a coordinator-signed voucher (a client charge or a node payout).
  func submit(_ voucher: PaymentVoucher) async throws
  /// The cumulative amount paid out to a node by a coordinator.
  func nodeEarnings(node: String, coordinator: String) async throws -> NanoAmount

  /// Commits a checkpoint (signed by the coordinator over ``Checkpoint/signingBytes(network:coordinator:)``);
  /// sequences must strictly increase.
  func commit(_ checkpoint: Checkpoint, coordinator: String) async throws
  /// The latest committed checkpoint of a coordinator, if any.
  func lastCheckpoint(coordinator: String) async throws -> Checkpoint?

  // MARK: Additions for the payment flow (defaults throw `unavailable`, so older plugins keep compiling)

  /// This process's ledger identity (its address and signing key), if the plugin holds one.
  var signer: (any LedgerSigner)? { get }
  /// Lists the calling coordinator in the registry under its key, with the endpoint clients and nodes connect to.
  func registerCoordinator(endpoint: String) async throws
  /// Closes a client's account at once with the coordinator's co-signed ``PaymentVoucher/Kind/finalCharge``.
  func close(client: String, coordinator: String, finalCharge: PaymentVoucher) async throws
  /// Reads a coordinator's contract with its client and node accounts.
  func coordinatorAccount(coordinator: String) async throws -> CoordinatorAccount
  /// Closes the calling coordinator's contract once every client account is closed and nodes were paid
  /// `vouchedNodeEarnings` in all (the sum of its latest node vouchers); the rest goes to the coordinator.
  func closeCoordinator(coordinator: String, vouchedNodeEarnings: NanoAmount) async throws
  /// Funds the ledger has paid out to an address (withdrawals, payouts, returned stakes).
  func walletBalance(address: String) async throws -> NanoAmount
  /// Whether `address` is controlled by the Ed25519 key `publicKey` on this ledger (a client's handshake proof).
  func isAddress(_ address: String, controlledBy publicKey: Data) async throws -> Bool
  /// The bytes the coordinator's key signs for `voucher` on this ledger (what the ledger's signature check covers):
  /// ``PaymentVoucher/signingBytes`` by default; TON's contracts check a signature over their payload cell's hash.
  func voucherSigningBytes(_ voucher: PaymentVoucher) throws -> Data
  /// When the parties write to this ledger (``SettlementPolicy/immediate`` by default).
  var settlementPolicy: SettlementPolicy { get }
}

extension PaymentNetwork {
  public var signer: (any LedgerSigner)? { nil }

  public func registerCoordinator(endpoint: String) async throws { throw Self.unsupported("registerCoordinator") }

  public func close(client: String, coordinator: String, finalCharge: PaymentVoucher) async throws {
    throw Self.unsupported("cooperative close")
  }

  public func coordinatorAccount(coordinator: String) async throws -> CoordinatorAccount {
    throw Self.unsupported("coordinatorAccount")
  }

  public func closeCoordinator(coordinator: String, vouchedNodeEarnings: NanoAmount) async throws {
    throw Self.unsupported("closeCoordinator")
  }

  public func walletBalance(address: String) async throws -> NanoAmount { throw Self.unsupported("walletBalance") }

  public func isAddress(_ address: String, controlledBy publicKey: Data) async throws -> Bool {
    throw Self.unsupported("checking which key controls an address")
  }

  public func voucherSigningBytes(_ voucher: PaymentVoucher) throws -> Data { voucher.signingBytes }

  public var settlementPolicy: SettlementPolicy { .immediate }

  private static func unsupported(_ operation: String) -> CocoonError {
    CocoonError(.unavailable, "the payment plugin \(Self.self) does not support \(operation) yet")
  }
}

extension Checkpoint {
  /// The canonical bytes a coordinator signs for a checkpoint: a domain tag, the network, the coordinator, the
  /// sequence (big-endian) and the state hash.
  public func signingBytes(network: String, coordinator: String) -> Data {
    var out = Data("cocoon-checkpoint-v1".utf8)
    SigningEncoding.append(network, to: &out)
    SigningEncoding.append(coordinator, to: &out)
    SigningEncoding.append(sequence, to: &out)
    out.append(stateHash)
    return out
  }
}
