import CocoonAccounting
import CocoonClient
import CocoonCoordinator
import CocoonCore
import CocoonNode
import CocoonPaymentLocal
import Foundation
import GRDB
import Testing

/// A local ledger file with a coordinator, a client and a node, each with its own key, as three processes would
/// have them.
struct PaidNetwork {
  let directory: String
  let ledger: LocalLedger
  let coordinatorKey = Ed25519LedgerKey()
  let clientKey = Ed25519LedgerKey()
  let nodeKey = Ed25519LedgerKey()
  let endpoint: Endpoint

  static let registry = RegistrySnapshot(
    allowedImageHashes: [:], models: [], coordinators: [],
    prices: Prices(pricePerToken: 1000, nodeFeePerToken: 800, cachedMultiplier: 1000),
    minimumClientStake: 100_000, minimumNodeStake: .zero, clientCloseDelay: 0)

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("cocoon-paid-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    ledger = try LocalLedger(path: directory + "/ledger.sqlite", registrySeed: Self.registry)
    endpoint = Endpoint(host: "127.0.0.1", port: try freeLoopbackPort())
  }

  var coordinator: LocalPaymentNetwork { LocalPaymentNetwork(ledger: ledger, signer: coordinatorKey) }
  var client: LocalPaymentNetwork { LocalPaymentNetwork(ledger: ledger, signer: clientKey) }
  var node: LocalPaymentNetwork { LocalPaymentNetwork(ledger: ledger, signer: nodeKey) }

  /// The coordinator's accounting database (a second call opens the same file, as a restart does).
  func accounting(file: String = "coordinator.sqlite") throws -> CoordinatorAccounting {
    let store = try AccountingStore(
      path: directory + "/" + file, network: ledger.networkID, signer: coordinatorKey, prices: Self.registry.prices,
      minimumStake: Self.registry.minimumClientStake)
    return CoordinatorAccounting(store: store, network: coordinator, logger: NetworkHarness.logger)
  }

  func clientPayments(key: Ed25519LedgerKey? = nil) throws -> ClientPayments {
    let key = key ?? clientKey
    return ClientPayments(
      network: LocalPaymentNetwork(ledger: ledger, signer: key), signer: key,
      wallet: try VoucherWallet(path: directory + "/client-\(key.address.prefix(8)).json"))
  }

  func nodePayments(policy: SettlementPolicy = .immediate) throws -> NodePayments {
    NodePayments(
      network: LocalPaymentNetwork(ledger: ledger, signer: nodeKey, settlementPolicy: policy), signer: nodeKey,
      wallet: try VoucherWallet(path: directory + "/node.json"), payoutRetryDelay: .milliseconds(20))
  }

  /// The client deposits `amount` and stakes `stake` of it.
  func fund(_ amount: NanoAmount, stake: NanoAmount) async throws {
    try await coordinator.registerCoordinator(endpoint: "\(endpoint)")
    try await client.deposit(client: clientKey.address, coordinator: coordinatorKey.address, amount: amount)
    try await client.increaseStake(client: clientKey.address, coordinator: coordinatorKey.address, amount: stake)
  }
}

/// A loopback port nobody listens on now.
func freeLoopbackPort() throws -> Int {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(descriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
      bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
    }
  }
  guard bound else { throw CocoonError(.io, "no free loopback port") }
  return Int(UInt16(bigEndian: address.sin_port))
}

@Suite("Paid requests through the network path on the local ledger")
struct PaidNetworkTests {
  @Test("a client pays per token: vouchers, payout and close add up to the nano-unit on the ledger")
  func paysEndToEnd() async throws {
    let network = try PaidNetwork()
    let deposit = NanoAmount(5_000_000)
    try await network.fund(deposit, stake: NanoAmount(1_000_000))
    let accounting = try network.accounting()
    let clientPayments = try network.clientPayments()
    let nodePayments = try network.nodePayments()
    let prices = PaidNetwork.registry.prices
    var expectedCost = NanoAmount.zero
    var expectedEarning = NanoAmount.zero
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(
        in: &group, accounting: accounting, endpoint: network.endpoint)
      try await NetworkHarness.startNode(ScriptedModel(), coordinator: coordinator, payments: nodePayments, in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, payments: clientPayments, in: &group)
      for index in 0..<12 {
        let words = (0...(index % 5)).map { "w\(index)x\($0)" }
        let answer = try await NetworkHarness.collect(client.generate(request(words.joined(separator: " "))))
        let usage = try #require(answer.usage)
        expectedCost = try expectedCost.adding(try prices.cost(of: usage))
        expectedEarning = try expectedEarning.adding(try prices.nodeEarning(of: usage))
      }
      // Vouchers reach the node on their own stream; wait for the last one.
      for _ in 0..<200 where await nodePayments.wallet.latest(from: accounting.address, kind: .nodeEarning)?.amount != expectedEarning {
        try await Task.sleep(for: .milliseconds(10))
      }
      try await accounting.settleWithLedger()
      group.cancelAll()
    }
    let clientVoucher = try #require(await clientPayments.wallet.latest(from: accounting.address, kind: .clientCharge))
    let nodeVoucher = try #require(await nodePayments.wallet.latest(from: accounting.address, kind: .nodeEarning))
    #expect(clientVoucher.amount == expectedCost)
    #expect(nodeVoucher.amount == expectedEarning)
    #expect(try await accounting.store.clientState(network.clientKey.address)?.charged == expectedCost)
    #expect(try await network.ledger.clientAccount(client: network.clientKey.address, coordinator: accounting.address).charged == expectedCost)

    // Payout, close (the close delay is 0 here: the second call returns the stake), the coordinator's close.
    try await network.node.submit(nodeVoucher)
    try await network.client.close(client: network.clientKey.address, coordinator: accounting.address)
    try await network.client.close(client: network.clientKey.address, coordinator: accounting.address)
    try await network.coordinator.closeCoordinator(
      coordinator: accounting.address, vouchedNodeEarnings: try await accounting.store.vouchedNodeEarnings())
    #expect(expectedCost > .zero && expectedEarning < expectedCost)
    #expect(try await network.ledger.walletBalance(address: network.clientKey.address) == deposit.subtracting(expectedCost))
    #expect(try await network.ledger.walletBalance(address: network.nodeKey.address) == expectedEarning)
    #expect(
      try await network.ledger.walletBalance(address: accounting.address) == expectedCost.subtracting(expectedEarning))
  }

  @Test("a node cashes its earnings by itself each time the unpaid part reaches the policy's threshold")
  func nodeCashesAtThreshold() async throws {
    let network = try PaidNetwork()
    try await network.fund(NanoAmount(5_000_000), stake: NanoAmount(1_000_000))
    let accounting = try network.accounting()
    let threshold = NanoAmount(20_000)
    let policy = SettlementPolicy(chargeAtStakeBasisPoints: 0, checkpointInterval: .zero, nodePayoutThreshold: threshold)
    let nodePayments = try network.nodePayments(policy: policy)
    let prices = PaidNetwork.registry.prices
    var earned = NanoAmount.zero
    var expectedPaid = NanoAmount.zero
    var payouts = 0
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(
        in: &group, accounting: accounting, endpoint: network.endpoint)
      try await NetworkHarness.startNode(ScriptedModel(), coordinator: coordinator, payments: nodePayments, in: &group)
      let client = try await NetworkHarness.startClient(
        coordinator: coordinator, payments: try network.clientPayments(), in: &group)
      for index in 0..<10 {
        let answer = try await NetworkHarness.collect(client.generate(request("w\(index) x y z")))
        earned = try earned.adding(try prices.nodeEarning(of: try #require(answer.usage)))
        // The coordinator's contract pays nodes out of the clients' charges it received.
        try await accounting.settleWithLedger()
        if policy.payoutIsDue(vouched: earned, paid: expectedPaid) {
          expectedPaid = earned
          payouts += 1
        }
        // The voucher arrives on a stream of its own and the payout runs in the background: wait for both.
        var paid = NanoAmount.zero
        for _ in 0..<300 {
          paid = try await network.node.nodeEarnings(node: network.nodeKey.address, coordinator: accounting.address)
          let vouched = await nodePayments.wallet.latest(from: accounting.address, kind: .nodeEarning)?.amount
          if paid == expectedPaid && vouched == earned { break }
          try await Task.sleep(for: .milliseconds(10))
        }
        #expect(paid == expectedPaid, "after request \(index): earned \(earned), threshold \(threshold)")
      }
      group.cancelAll()
    }
    #expect(payouts >= 2, "the requests should cross the threshold several times (earned \(earned))")
    #expect(earned.rawValue - expectedPaid.rawValue < threshold.rawValue)
  }

  @Test("a client without funds gets insufficient balance and nothing is reserved; after a deposit it is served")
  func unfundedClientRefused() async throws {
    let network = try PaidNetwork()
    let accounting = try network.accounting()
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(
        in: &group, accounting: accounting, endpoint: network.endpoint)
      try await NetworkHarness.startNode(
        ScriptedModel(), coordinator: coordinator, payments: try network.nodePayments(), in: &group)
      let client = try await NetworkHarness.startClient(
        coordinator: coordinator, payments: try network.clientPayments(), in: &group)
      let error = await #expect(throws: CocoonError.self) {
        _ = try await NetworkHarness.collect(client.generate(request("hello")))
      }
      #expect(error?.code == .insufficientBalance)
      #expect(error?.reason.contains("stake") == true)
      #expect(try await accounting.store.clientState(network.clientKey.address)?.reserved == .zero)
      // A deposit made while connected is picked up on the next request.
      try await network.fund(NanoAmount(5_000_000), stake: NanoAmount(1_000_000))
      let answer = try await NetworkHarness.collect(client.generate(request("paid now")))
      #expect(answer.text == "PAID NOW")
      group.cancelAll()
    }
  }

  @Test("a client that cannot prove it holds an account's key is refused at the handshake")
  func forgedAccountRefused() async throws {
    let network = try PaidNetwork()
    try await network.fund(NanoAmount(5_000_000), stake: NanoAmount(1_000_000))
    let accounting = try network.accounting()
    // The thief signs with its own key but names the funded client's address.
    let thief = Ed25519LedgerKey()
    let forged = ClientPayments(
      network: LocalPaymentNetwork(ledger: network.ledger, signer: thief), signer: ImpersonatingSigner(key: thief, address: network.clientKey.address),
      wallet: try VoucherWallet(path: network.directory + "/thief.json"))
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(
        in: &group, accounting: accounting, endpoint: network.endpoint)
      try await NetworkHarness.startNode(
        ScriptedModel(), coordinator: coordinator, payments: try network.nodePayments(), in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, payments: forged, in: &group)
      let error = await #expect(throws: CocoonError.self) {
        _ = try await NetworkHarness.collect(client.generate(request("hello")))
      }
      #expect(error?.reason.contains("does not control address") == true, "\(String(describing: error))")
      group.cancelAll()
    }
    #expect(try await accounting.store.clientState(network.clientKey.address)?.charged ?? .zero == .zero)
  }

  @Test("a node lost mid-stream: the client gets an error and is charged only for the parts it received")
  func nodeLossChargesDeliveredParts() async throws {
    let network = try PaidNetwork()
    try await network.fund(NanoAmount(5_000_000), stake: NanoAmount(1_000_000))
    let accounting = try network.accounting()
    let clientPayments = try network.clientPayments()
    var received = 0
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(
        in: &group, accounting: accounting, endpoint: network.endpoint)
      let node = Task {
        try await withThrowingTaskGroup(of: Void.self) { nodeTasks in
          try await NetworkHarness.startNode(
            ScriptedModel(tokenDelay: .milliseconds(40)), coordinator: coordinator, payments: try network.nodePayments(),
            in: &nodeTasks)
          try await nodeTasks.next()
        }
      }
      while await coordinator.pool.nodeCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
      let client = try await NetworkHarness.startClient(coordinator: coordinator, payments: clientPayments, in: &group)
      let words = (0..<50).map { "w\($0)" }.joined(separator: " ")
      let error = await #expect(throws: CocoonError.self) {
        for try await event in try await client.generate(request(words)) {
          if case .delta = event {
            received += 1
            if received == 5 { node.cancel() }
          }
        }
      }
      #expect(error?.code == .peerLost)
      group.cancelAll()
    }
    let state = try #require(try await accounting.store.clientState(network.clientKey.address))
    let charged = try PaidNetwork.registry.prices.cost(of: TokenUsage(completionTokens: received))
    #expect(received >= 5)
    #expect(state.charged == charged)
    #expect(state.reserved == .zero)
  }

  @Test("a coordinator whose database was rolled back refuses to serve (ledger checkpoint, then a client's voucher)")
  func rolledBackDatabaseRefuses() async throws {
    let network = try PaidNetwork()
    try await network.fund(NanoAmount(5_000_000), stake: NanoAmount(1_000_000))
    let first = try network.accounting()
    _ = try await first.store.clientState("nobody")
    // A backup taken before any request.
    try first.store.pool.close()
    try FileManager.default.copyItem(
      atPath: network.directory + "/coordinator.sqlite", toPath: network.directory + "/backup.sqlite")
    let accounting = try network.accounting()
    let clientPayments = try network.clientPayments()
    try await withThrowingTaskGroup(of: Void.self) { group in
      let coordinator = try await NetworkHarness.startCoordinator(
        in: &group, accounting: accounting, endpoint: network.endpoint)
      try await NetworkHarness.startNode(
        ScriptedModel(), coordinator: coordinator, payments: try network.nodePayments(), in: &group)
      let client = try await NetworkHarness.startClient(coordinator: coordinator, payments: clientPayments, in: &group)
      _ = try await NetworkHarness.collect(client.generate(request("one two three")))
      group.cancelAll()
    }
    #expect(await clientPayments.wallet.latest(from: accounting.address, kind: .clientCharge) != nil)

    // The backup, without a checkpoint on the ledger: the client's voucher shows it is behind; the server stops.
    let restored = try network.accounting(file: "backup.sqlite")
    await #expect(throws: CocoonError.self) {
      try await withThrowingTaskGroup(of: Void.self) { group in
        let coordinator = try await NetworkHarness.startCoordinator(
          in: &group, accounting: restored, endpoint: network.endpoint)
        _ = try await NetworkHarness.startClient(coordinator: coordinator, payments: clientPayments, in: &group)
        try await group.next()
      }
    }

    // With a checkpoint committed, the backup is refused before it listens.
    try await accounting.settleWithLedger()
    let again = try network.accounting(file: "backup.sqlite")
    let error = await #expect(throws: CocoonError.self) { try await again.prepare(endpoint: network.endpoint) }
    #expect(error?.code == .rolledBack)
  }
}

/// A signer that names someone else's address (a forged handshake proof).
struct ImpersonatingSigner: LedgerSigner {
  let key: Ed25519LedgerKey
  let address: String
  var publicKey: Data { key.publicKey }
  func sign(_ message: Data) throws -> Data { try key.sign(message) }
}
