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

  /// Submits every client's latest charge voucher the ledger has not accepted yet, refreshes those accounts (which
  /// frees their stake for new requests), and commits a checkpoint of the database unless the ledger's last one
  /// already covers its state.
  /// - Returns: the ledger's checkpoint afterwards.
  @discardableResult
  public func settle() async throws -> Checkpoint {
    for client in try await store.clients() {
      if try await submitPendingCharge(of: client) { try await refresh(client: client.address) }
    }
    let checkpoint = try await store.checkpoint()
    // Nothing changed since the last commit: the ledger's checkpoint already covers this state.
    if let committed = try await network.lastCheckpoint(coordinator: store.coordinator),
      committed.sequence >= checkpoint.sequence
    {
      return committed
    }
    try await network.commit(checkpoint, coordinator: store.coordinator)
    return checkpoint
  }
}
