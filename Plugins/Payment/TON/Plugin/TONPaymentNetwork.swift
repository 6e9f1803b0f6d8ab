import BigInt
import CocoonAccounting
public import CocoonCore
import CocoonTONContracts
public import Foundation
import Synchronization
import TON
import TONCenter

/// The ``PaymentNetwork`` of one party on TON, through TON Center only: the party's wallet sends the operations to
/// the Cocoon contracts (client, node, coordinator, root) and their get-methods answer the reads.
///
/// Addresses are raw wallet addresses (`0:<hex>`); a coordinator is named by its wallet, and its contract is found
/// in the registry (or derived, for this process's own coordinator).
public struct TONPaymentNetwork: PaymentNetwork {
  /// The registry (root) contract: its address and, when this process holds it, the owner's key and deploy state.
  struct Root: Sendable {
    var address: Address
    var owner: KeyPair?
    var initialState: StateInit?
  }

  public let preset: TONNetworkPreset
  /// The TON Center endpoint in use.
  public let endpoint: String
  let globalID: Int32
  let key: TONLedgerKey
  let sender: TONWalletSender
  let reader: TONChainReader
  let center: TONCenterClient
  let root: Root?
  let stateDirectory: String
  let coordinatorStake: UInt64?
  public let settlementPolicy: SettlementPolicy
  let cache = TONContractCache()

  /// One TON centre-backed network for `key`'s party.
  init(
    preset: TONNetworkPreset, globalID: Int32, key: TONLedgerKey, center: TONCenterClient, root: Root?,
    stateDirectory: String, coordinatorStake: UInt64?, settlementPolicy: SettlementPolicy = .immediate
  ) {
    self.preset = preset
    endpoint = center.configuration.endpoints.first ?? preset.endpoint
    self.globalID = globalID
    self.key = key
    sender = TONWalletSender(
      center: center, key: key,
      journal: TONSendJournal(path: stateDirectory + "/\(key.walletAddress.hash.hexString).pending.json"),
      preset: preset)
    reader = TONChainReader(center: center)
    self.center = center
    self.root = root
    self.stateDirectory = stateDirectory
    self.coordinatorStake = coordinatorStake
    self.settlementPolicy = settlementPolicy
  }

  public var networkID: String { "ton:\(globalID)" }
  public var signer: (any LedgerSigner)? { key }
  /// This party's wallet address.
  public var walletAddress: String { key.address }

  public func walletBalance(address: String) async throws -> NanoAmount {
    try Self.nano(try await reader.balance(try Self.address(address)))
  }

  /// Whether `address` is the v5r1 or v4r2 wallet of `publicKey` on this network.
  public func isAddress(_ address: String, controlledBy publicKey: Data) async throws -> Bool {
    guard publicKey.count == 32, let target = try? Self.address(address) else { return false }
    for version in [TONPaymentOptions.WalletVersion.v5r1, .v4r2] {
      let wallet = try TONLedgerKey.wallet(publicKey: [UInt8](publicKey), version: version, globalID: globalID)
      if try wallet.address == target { return true }
    }
    return false
  }

  // MARK: Helpers shared by the extensions

  /// Checks that this process holds `actor`'s key.
  func requireSelf(_ actor: String) throws -> Address {
    let address = try Self.address(actor)
    guard address == key.walletAddress else {
      throw CocoonError(
        .badSignature, "this process holds the TON wallet key of \(key.address); it cannot act for \(address.raw)")
    }
    return address
  }

  /// Sends an operation from this party's wallet and checks the contract accepted it.
  func perform(
    _ operation: String, to contract: Address, value: BigUInt, stateInit: StateInit? = nil,
    body: @escaping @Sendable (UInt64) throws -> Cell?
  ) async throws {
    let transaction = try await sender.send(
      operationKey: "\(operation):\(contract.raw)", destination: contract, value: value, stateInit: stateInit,
      body: body)
    try ContractRefusal.check(transaction, operation)
  }

  /// What an operation carries beyond the amount it deposits (the contracts need 0.05 TON; the rest comes back).
  static let operationValue = BigUInt(ContractFees.minimumValue * 2)

  /// Parses an address in any form.
  static func address(_ text: String) throws -> Address {
    do { return try Address(text) } catch {
      throw CocoonError(.invalidArgument, "'\(text)' is not a TON address (raw 0:<hex> or user-friendly base64)")
    }
  }

  static func nano(_ value: BigUInt) throws -> NanoAmount {
    guard let raw = UInt64(exactly: value) else { throw CocoonError(.unavailable, "amount \(value) exceeds 64 bits") }
    return NanoAmount(raw)
  }
}

/// A coordinator contract: its address and its parameters (owner, key, client close delay).
struct CoordinatorRef: Sendable, Hashable {
  var address: Address
  var state: CoordinatorContractState
}

/// What this process learned about contracts: coordinator contracts by owner wallet, the latest client contract
/// generation per client × coordinator.
final class TONContractCache: Sendable {
  private let coordinators = Mutex<[Address: CoordinatorRef]>([:])
  private let generations = Mutex<[String: UInt32]>([:])

  func coordinator(_ owner: Address) -> CoordinatorRef? { coordinators.withLock { $0[owner] } }
  func remember(_ coordinator: CoordinatorRef) { coordinators.withLock { $0[coordinator.state.owner] = coordinator } }
  func generation(_ pair: String) -> UInt32 { generations.withLock { $0[pair] ?? 0 } }
  func remember(generation: UInt32, _ pair: String) {
    generations.withLock { $0[pair] = max($0[pair] ?? 0, generation) }
  }
}
