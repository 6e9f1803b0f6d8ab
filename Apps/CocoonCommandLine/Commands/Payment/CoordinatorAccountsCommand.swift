public import ArgumentParser
import CocoonAccounting
import CocoonConfig
import CocoonCore
public import CocoonRuntime
import Foundation

/// `cocoon-coordinator accounts`: the coordinator's contract on the ledger and, when its database exists, what it
/// has vouched but the ledger has not settled yet.
public struct CoordinatorAccountsCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "accounts", abstract: "Show the coordinator's client and node accounts (TON).")

  @OptionGroup public var options: PaymentOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let session = try await PaymentSession(role: .coordinator, options: options, plugins: plugins)
    let address = options.coordinator ?? session.signer.address
    let account = try await session.network.coordinatorAccount(coordinator: address)
    print("coordinator \(address)\(account.closed ? " (closed)" : "")")
    print("balance     \(account.balance.units)")
    var vouched: [String: NanoAmount] = [:]
    var databaseClients: [String] = []
    var databaseNodes: [String] = []
    if let database = session.loaded.configuration.coordinator?.database,
      case let path = database.hasPrefix("/") ? database : session.loaded.directory + "/" + database,
      FileManager.default.fileExists(atPath: path)
    {
      let registry = try await session.network.registry()
      let store = try AccountingStore(
        path: path, network: session.network.networkID, signer: session.signer, prices: registry.prices,
      voucherSigningBytes: { [network = session.network] in try network.voucherSigningBytes($0) })
      for client in try await store.clients() {
        vouched[client.address] = client.charged
        databaseClients.append(client.address)
      }
      for node in try await store.nodes() {
        vouched[node.address] = node.earned
        databaseNodes.append(node.address)
      }
    }
    // A ledger that does not index a coordinator's accounts (TON) is asked for each one its database knows.
    var clients = account.clients
    var nodePayouts = account.nodePayouts
    for client in databaseClients where clients[client] == nil {
      clients[client] = try await session.network.clientAccount(client: client, coordinator: address)
    }
    for node in databaseNodes where nodePayouts[node] == nil {
      nodePayouts[node] = try await session.network.nodeEarnings(node: node, coordinator: address)
    }
    print("clients:")
    for (client, state) in clients.sorted(by: { $0.key < $1.key }) {
      let status = state.closed ? "closed" : state.unlockTime == nil ? "open" : "closing"
      print(
        "  \(client)  balance \(state.balance.units)  stake \(state.stake.units)  charged \(state.charged.units)"
          + (vouched[client].map { "  vouched \($0.units)" } ?? "") + "  \(status)")
    }
    print("nodes:")
    for (node, paid) in nodePayouts.sorted(by: { $0.key < $1.key }) {
      print("  \(node)  paid \(paid.units)" + (vouched[node].map { "  vouched \($0.units)" } ?? ""))
    }
  }
}
