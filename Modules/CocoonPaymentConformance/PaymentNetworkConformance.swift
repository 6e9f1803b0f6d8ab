import CocoonAccounting
public import CocoonCore
import Foundation

/// The behaviour every ``PaymentNetwork`` must show, as a suite a payment plugin's own tests run against a fresh
/// ledger: the local ledger runs it, and so can TON or a third-party ledger. Framework-free: it throws a
/// ``Failure`` naming the first check that failed and returns the names of those that passed.
///
/// It pins the contract, error codes included: refusals throw ``CocoonError`` with the codes of
/// `CocoonAccounting` (`insufficientFunds`, `voucherReplayed`, `voucherAmountDecreased`, `badSignature`,
/// `wrongBinding`, `accountClosed`), and a refused operation moves nothing.
public enum PaymentNetworkConformance {
  /// Three parties on one fresh ledger, each network holding its party's key (``PaymentNetwork/signer``).
  public struct Parties: Sendable {
    public var coordinator: any PaymentNetwork
    public var client: any PaymentNetwork
    public var node: any PaymentNetwork

    public init(coordinator: any PaymentNetwork, client: any PaymentNetwork, node: any PaymentNetwork) {
      self.coordinator = coordinator
      self.client = client
      self.node = node
    }
  }

  /// A check that failed.
  public struct Failure: Error, CustomStringConvertible {
    public var check: String
    public var message: String
    public var description: String { "\(check): \(message)" }
  }

  /// Runs every check in order on `parties` (their ledger must be fresh: no accounts yet).
  /// - Parameter forger: a key the ledger does not know, to sign forged vouchers.
  public static func run(_ parties: Parties, forger: any LedgerSigner) async throws -> [String] {
    let run = Run(parties: parties, forger: forger)
    try await run.all()
    return run.passed
  }
}

/// One run of the suite.
final class Run {
  let parties: PaymentNetworkConformance.Parties
  let forger: any LedgerSigner
  var passed: [String] = []

  init(parties: PaymentNetworkConformance.Parties, forger: any LedgerSigner) {
    self.parties = parties
    self.forger = forger
  }

  func key(_ network: any PaymentNetwork, _ role: String) throws -> any LedgerSigner {
    guard let signer = network.signer else {
      throw PaymentNetworkConformance.Failure(check: "setup", message: "the \(role)'s network holds no ledger key")
    }
    return signer
  }

  func all() async throws {
    let coordinatorKey = try key(parties.coordinator, "coordinator")
    let client = try key(parties.client, "client").address
    let node = try key(parties.node, "node").address
    let coordinator = coordinatorKey.address
    let network = parties.coordinator.networkID
    let ledger = parties.coordinator  // signs over the ledger's own voucher bytes (TON: its payload cell's hash)
    func voucher(_ kind: PaymentVoucher.Kind, _ sequence: UInt64, _ amount: NanoAmount, by signer: (any LedgerSigner)? = nil, on: String? = nil)
      throws -> PaymentVoucher
    {
      let unsigned = PaymentVoucher(
        kind: kind, network: on ?? network, coordinator: coordinator,
        counterparty: kind == .nodeEarning ? node : client, sequence: sequence, amount: amount)
      return try unsigned.signed(by: signer ?? coordinatorKey, signingBytes: try ledger.voucherSigningBytes(unsigned))
    }

    try await check("a coordinator registers itself in the registry") {
      try await parties.coordinator.registerCoordinator(endpoint: "127.0.0.1:9301")
      let listed = try await parties.client.registry().coordinators
      try require(listed.contains { $0.address == coordinator && $0.publicKey == coordinatorKey.publicKey }, "not listed")
    }
    let stake = max(try await parties.client.registry().minimumClientStake, 1_000)
    try await check("a client deposits and stakes") {
      try await parties.client.deposit(client: client, coordinator: coordinator, amount: NanoAmount(stake.rawValue * 3))
      try await parties.client.increaseStake(client: client, coordinator: coordinator, amount: stake)
      let account = try await parties.client.clientAccount(client: client, coordinator: coordinator)
      try require(account.balance.rawValue == stake.rawValue * 3 && account.stake == stake, "account is \(account)")
    }
    try await refused("a withdrawal below the stake", .insufficientFunds, client, coordinator) {
      try await parties.client.withdraw(client: client, coordinator: coordinator, amount: NanoAmount(stake.rawValue * 2 + 1))
    }
    try await refused("an operation for another party", .badSignature, client, coordinator) {
      try await parties.node.withdraw(client: client, coordinator: coordinator, amount: 1)
    }
    let first = try voucher(.clientCharge, 1, NanoAmount(stake.rawValue / 2))
    try await check("a charge voucher moves the charge to the coordinator") {
      try await parties.coordinator.submit(first)
      let account = try await parties.client.clientAccount(client: client, coordinator: coordinator)
      try require(account.charged == first.amount, "charged is \(account.charged)")
    }
    for (name, attack, code) in [
      ("a replayed voucher", first, CocoonError.Code.voucherReplayed),
      ("a voucher with a lower amount", try voucher(.clientCharge, 2, 1), .voucherAmountDecreased),
      ("a voucher signed by another key", try voucher(.clientCharge, 2, stake, by: forger), .badSignature),
      ("a voucher for another network", try voucher(.clientCharge, 2, stake, on: network + "-other"), .wrongBinding),
    ] {
      try await refused(name, code, client, coordinator) { try await parties.coordinator.submit(attack) }
    }
    let earning = try voucher(.nodeEarning, 1, NanoAmount(stake.rawValue / 4))
    try await check("a node is paid by voucher") {
      try await parties.node.submit(earning)
      let paid = try await parties.node.nodeEarnings(node: node, coordinator: coordinator)
      try require(paid == earning.amount, "paid \(paid)")
    }
    try await refused("a replayed payout", .voucherReplayed, client, coordinator) { try await parties.node.submit(earning) }
    try await check("checkpoints are committed and read back") {
      var checkpoint = Checkpoint(sequence: 1, stateHash: .init(repeating: 1, count: 32), signature: .init())
      checkpoint.signature = try coordinatorKey.sign(checkpoint.signingBytes(network: network, coordinator: coordinator))
      try await parties.coordinator.commit(checkpoint, coordinator: coordinator)
      try require(try await parties.coordinator.lastCheckpoint(coordinator: coordinator) == checkpoint, "not read back")
    }
    let final = try voucher(.finalCharge, 2, first.amount)
    try await check("a co-signed close returns everything at once") {
      try await parties.client.close(client: client, coordinator: coordinator, finalCharge: final)
      try require(try await parties.client.clientAccount(client: client, coordinator: coordinator).closed, "not closed")
    }
    try await refused("spending after the close", .accountClosed, client, coordinator) {
      try await parties.coordinator.submit(try voucher(.clientCharge, 3, stake))
    }
  }

  func check(_ name: String, _ body: () async throws -> Void) async throws {
    do { try await body() } catch let failure as PaymentNetworkConformance.Failure {
      throw PaymentNetworkConformance.Failure(check: name, message: failure.message)
    } catch {
      throw PaymentNetworkConformance.Failure(check: name, message: "threw \(error)")
    }
    passed.append(name)
  }

  /// Checks `body` is refused with `code` and the client's and coordinator's accounts did not change.
  func refused(
    _ name: String, _ code: CocoonError.Code, _ client: String, _ coordinator: String, _ body: () async throws -> Void
  ) async throws {
    let parties = self.parties
    try await check("refused: \(name)") {
      let before = try await parties.client.clientAccount(client: client, coordinator: coordinator)
      let payouts = try await parties.client.coordinatorAccount(coordinator: coordinator)
      do {
        try await body()
        throw PaymentNetworkConformance.Failure(check: name, message: "was accepted")
      } catch let error as CocoonError {
        try require(error.code == code, "refused with \(error.code) (\(error.reason)), expected \(code)")
      }
      let after = try await parties.client.clientAccount(client: client, coordinator: coordinator)
      try require(before == after, "the client's account changed: \(before) → \(after)")
      try require(try await parties.client.coordinatorAccount(coordinator: coordinator) == payouts, "the coordinator's account changed")
    }
  }

}

/// Fails the current check with `message` unless `condition` holds.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
  guard condition else { throw PaymentNetworkConformance.Failure(check: "", message: message()) }
}
