public import CocoonAccounting
public import CocoonCore
public import CocoonWire
public import Foundation
public import Logging

/// The coordinator's payments around its request path: checks who is paying when a client connects, reserves a
/// request's maximum cost before it is routed, settles the real cost when the node reports usage (or the part
/// that was delivered when it fails), and hands out the signed vouchers only after the database committed them.
public final class CoordinatorAccounting: Sendable {
  public let store: AccountingStore
  public let network: any PaymentNetwork
  let settlement: CoordinatorSettlement
  /// How far a client's handshake proof may be from this machine's clock.
  let proofWindow: TimeInterval
  let logger: Logger
  /// Admissions and settlements of concurrent requests, each batch in one transaction (group commit).
  let reservations: GroupCommit<Reservation, Void>
  let settlements: GroupCommit<UsageReport, Settlement>

  public init(store: AccountingStore, network: any PaymentNetwork, proofWindow: TimeInterval = 600, logger: Logger) {
    self.store = store
    self.network = network
    self.settlement = CoordinatorSettlement(store: store, network: network)
    self.proofWindow = proofWindow
    self.logger = logger
    reservations = GroupCommit { batch in try await store.reserve(batch) }
    settlements = GroupCommit { batch in try await store.settle(batch) }
  }

  /// The coordinator's ledger address.
  public var address: String { store.coordinator }

  /// Start-up: refuses a database that is behind the ledger, registers the endpoint, releases reservations a
  /// crash left behind.
  public func prepare(endpoint: Endpoint) async throws {
    let released = try await settlement.prepare(endpoint: "\(endpoint)")
    if released > 0 { logger.notice("released reservations left by the previous run", metadata: ["count": "\(released)"]) }
  }

  /// Checks a client's handshake: the proof that it holds the key of the address it wants charged, and that the
  /// voucher it presents is not ahead of this database. Reads its account from the ledger.
  /// - Returns: the client's ledger address.
  /// - Throws: ``CocoonError`` `badSignature` / `invalidArgument` for a bad proof, `rolledBack` for a voucher
  ///   that is ahead of the database.
  public func admitClient(_ hello: ClientHello, now: Date = Date()) async throws -> String {
    guard let proof = hello.proof, !proof.address.isEmpty else {
      throw CocoonError(
        .invalidArgument,
        "this coordinator charges for requests: the client must present its ledger address and key "
          + "(give the client a payment plugin that holds a key)")
    }
    let nowMillis = now.timeIntervalSince1970 * 1000
    let address = proof.address
    guard abs(Double(proof.signedAt) - nowMillis) <= proofWindow * 1000 else {
      throw CocoonError(
        .invalidArgument,
        "the client's ledger proof was signed at \(proof.signedAt) ms, more than \(Int(proofWindow)) s from "
          + "this coordinator's clock; check both clocks")
    }
    let message = ClientLedgerProof.signingBytes(network: network.networkID, address: address, signedAt: proof.signedAt)
    guard Ed25519LedgerKey.isValid(signature: proof.signature, of: message, publicKey: proof.publicKey) else {
      throw CocoonError(
        .badSignature, "the client's ledger proof does not verify under its key for network \(network.networkID)")
    }
    guard try await network.isAddress(address, controlledBy: proof.publicKey) else {
      throw CocoonError(.badSignature, "the key in the client's ledger proof does not control address \(address)")
    }
    if let last = hello.lastVoucher {
      try await settlement.verifyReconnecting(presented: [last])
    }
    try await settlement.refresh(client: address)
    return address
  }

  /// Checks a node's handshake: the voucher it presents must not be ahead of this database.
  /// - Returns: where the node is paid, at which coefficient.
  public func admitNode(_ hello: NodeHello) async throws -> NodeTerms {
    guard !hello.ledgerAddress.isEmpty else {
      throw CocoonError(
        .invalidArgument,
        "this coordinator pays nodes: the node must present its ledger address (give it a payment plugin with a key)")
    }
    if let last = hello.lastVoucher {
      try await settlement.verifyReconnecting(presented: [last])
    }
    return NodeTerms(
      ledgerAddress: hello.ledgerAddress, priceCoefficient: hello.priceCoefficient ?? Prices.basisPointsPerUnit)
  }

  /// The most a query can cost at `coefficient`: every byte of its input a prompt token (plus a chat template's
  /// allowance) and every allowed completion token.
  public func maxCost(of request: GenerationRequest, coefficient: UInt64) throws -> NanoAmount {
    let inputBytes: Int
    switch request.input {
    case .prompt(let text): inputBytes = text.utf8.count
    case .chat(let messages): inputBytes = messages.reduce(0) { $0 + $1.content.utf8.count + $1.role.utf8.count + 8 }
    }
    return try store.currentPrices.maxCost(
      promptTokens: inputBytes + 64, maxCompletionTokens: request.maxTokens, coefficient: coefficient)
  }

  /// Reserves `maxCost` of the client's stake for a request.
  /// - Throws: ``CocoonError`` `insufficientBalance` with the store's reason when the client cannot pay.
  /// When the stake looks used up, it first settles this client with the ledger (submits its latest charge and
  /// reads its account, which picks up a deposit made since it connected) and tries once more.
  public func reserve(client: String, requestID: String, maxCost: NanoAmount) async throws {
    let reservation = Reservation(client: client, requestID: requestID, maxCost: maxCost)
    do {
      try await reservations.submit(reservation)
    } catch let error as CocoonError where error.code == .overStake {
      try await settlement.settle(client: client)
      do { try await reservations.submit(reservation) } catch let error
        as CocoonError where error.code == .overStake || error.code == .accountClosed
      {
        throw CocoonError(.insufficientBalance, error.reason)
      }
    } catch let error as CocoonError where error.code == .accountClosed {
      throw CocoonError(.insufficientBalance, error.reason)
    }
  }

  /// Charges a finished (or partly delivered) request and returns the vouchers, committed (with the settlements
  /// of other requests that finished meanwhile, in one transaction).
  public func settle(requestID: String, usage: TokenUsage, node: NodeTerms) async throws -> Settlement {
    try await settlements.submit(
      UsageReport(requestID: requestID, usage: usage, node: node.ledgerAddress, coefficient: node.priceCoefficient))
  }

  /// Frees a reservation that will not be charged.
  public func release(requestID: String) async {
    do { try await store.release(requestID: requestID) } catch {
      logger.error("could not release a reservation", metadata: ["request": "\(requestID)", "reason": "\(error)"])
    }
  }

  /// Submits the pending charges `policy` says are due and, when `commitCheckpoint`, commits a checkpoint.
  @discardableResult
  public func settleWithLedger(policy: SettlementPolicy = .immediate, commitCheckpoint: Bool = true) async throws
    -> Checkpoint?
  {
    try await settlement.settle(policy: policy, commitCheckpoint: commitCheckpoint)
  }

  /// When the ledger wants writes batched.
  public var settlementPolicy: SettlementPolicy { network.settlementPolicy }
}
