public import CocoonCore

/// What the coordinator role does with the ledger around its request path: the start-up checks, refreshing a
/// client's account when it connects, and periodically settling vouched charges and committing a checkpoint.
public struct CoordinatorSettlement: Sendable {
  public let store: AccountingStore
  public let network: any PaymentNetwork

  public init(store: AccountingStore, network: any PaymentNetwork) {
    self.store = store
    self.network = network
  }

  /// Call on start, before serving: registers the coordinator's endpoint, refuses to go on if the database is
  /// behind the ledger's checkpoint, and releases reservations a crash left.
  /// - Returns: how many interrupted reservations were released.
  /// - Throws: ``CocoonError`` `rolledBack` with the reason to show the operator.
  @discardableResult
  public func prepare(endpoint: String) async throws -> Int {
    // Registering first: the ledger knows no checkpoint of a coordinator it has never listed.
    try await network.registerCoordinator(endpoint: endpoint)
    try await RollbackCheck.verify(store, lastCheckpoint: try await network.lastCheckpoint(coordinator: store.coordinator))
    return try await store.recoverInterrupted()
  }

  /// Call when a client or node reconnects with its latest vouchers: refuses (`rolledBack`) if any is ahead of
  /// the database.
  public func verifyReconnecting(presented: [PaymentVoucher]) async throws {
    try await RollbackCheck.verify(store, lastCheckpoint: nil, presented: presented)
  }

  /// Reads a client's account from the ledger into the database (on connect, and after it tops up).
  public func refresh(client: String) async throws {
    try await store.syncClient(client, ledger: try await network.clientAccount(client: client, coordinator: store.coordinator))
  }

  /// Submits `client`'s latest charge voucher if the ledger has not accepted it yet, then reads its account (which
  /// also picks up a deposit made since it connected).
  public func settle(client address: String) async throws {
    if let state = try await store.clientState(address) { try await submitPendingCharge(of: state) }
    try await refresh(client: address)
  }

  /// Submits the client's latest charge voucher unless the ledger already has it.
  /// - Returns: whether there was one to submit.
  @discardableResult
  func submitPendingCharge(of client: ClientLedgerState) async throws -> Bool {
    guard let voucher = client.lastVoucher, voucher.kind == .clientCharge, voucher.amount > client.submitted else {
      return false
    }
    do { try await network.submit(voucher) } catch let error as CocoonError where error.code == .voucherReplayed {
      // The client submitted it itself; the refresh that follows picks it up.
    }
    return true
  }

  /// Submits the clients' latest charge vouchers the ledger has not accepted yet — those `policy` says are due (all
  /// of a closing client's) — refreshes those accounts (which frees their stake for new requests), and, when
  /// `commitCheckpoint`, commits a checkpoint of the database unless the ledger's last one already covers its state.
  /// - Returns: the ledger's checkpoint afterwards (nil when none was committed ever).
  @discardableResult
  public func settle(policy: SettlementPolicy = .immediate, commitCheckpoint: Bool = true) async throws -> Checkpoint? {
    for client in try await store.clients() {
      let pending = NanoAmount(client.charged.rawValue - min(client.submitted.rawValue, client.charged.rawValue))
      guard client.closing || policy.chargeIsDue(pending: pending, stake: client.stake) else { continue }
      if try await submitPendingCharge(of: client) { try await refresh(client: client.address) }
    }
    guard commitCheckpoint else { return try await network.lastCheckpoint(coordinator: store.coordinator) }
    let checkpoint = try await store.checkpoint()
    let committed = try await network.lastCheckpoint(coordinator: store.coordinator)
    // Nothing changed since the last commit: the ledger's checkpoint already covers this state. Sequence 0 is an
    // empty database: nothing to protect, and contracts take only sequences above their initial 0.
    if checkpoint.sequence == 0 || (committed.map { $0.sequence >= checkpoint.sequence } ?? false) {
      return committed
    }
    try await network.commit(checkpoint, coordinator: store.coordinator)
    return checkpoint
  }
}
