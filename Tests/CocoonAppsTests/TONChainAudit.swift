import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Every account a set of wallets reached on a `cocoon-ton-sandbox` chain (their contracts, the contracts those
/// reached, …), read through its TON Center API, with the emulator's fees: what a test needs to check that all
/// balances add up to the nano-TON.
struct TONChainAudit {
  struct Account {
    var address: String
    var balance: Int64
    /// Σ in-message values − Σ out-message values − Σ fees (transaction fees and out-message forward fees).
    var flowBalance: Int64
    /// The fees the emulator charged this account's transactions, forward fees of its messages included.
    var fees: Int64
  }

  var accounts: [String: Account] = [:]
  /// Value that came from addresses with no transactions of their own (the sandbox's faucet).
  var granted: Int64 = 0

  /// Reads every account reachable from `wallets` by messages.
  static func read(api: URL, from wallets: [String]) async throws -> TONChainAudit {
    var audit = TONChainAudit()
    var queue = wallets
    var transactionsOf: [String: [[String: Any]]] = [:]
    while let address = queue.popLast() {
      guard transactionsOf[address] == nil else { continue }
      let transactions = try await call(api, "getTransactions", address: address, extra: "&limit=256") as? [[String: Any]] ?? []
      transactionsOf[address] = transactions
      for transaction in transactions {
        let inbound = transaction["in_msg"] as? [String: Any]
        let outbound = transaction["out_msgs"] as? [[String: Any]] ?? []
        for peer in [inbound?["source"] as? String] + outbound.map({ $0["destination"] as? String }) {
          if let peer, !peer.isEmpty, transactionsOf[peer] == nil { queue.append(peer) }
        }
      }
    }
    for (address, transactions) in transactionsOf {
      if transactions.isEmpty { continue }
      let information = try await call(api, "getAddressInformation", address: address) as? [String: Any]
      var account = Account(
        address: address, balance: int(information?["balance"]), flowBalance: 0, fees: 0)
      for transaction in transactions {
        let inbound = transaction["in_msg"] as? [String: Any]
        let value = int(inbound?["value"])
        account.flowBalance += value
        if let source = inbound?["source"] as? String, !source.isEmpty, transactionsOf[source]?.isEmpty ?? true {
          audit.granted += value
        }
        account.fees += int(transaction["fee"])
        for out in transaction["out_msgs"] as? [[String: Any]] ?? [] {
          account.flowBalance -= int(out["value"])
          account.fees += int(out["fwd_fee"])
        }
      }
      account.flowBalance -= account.fees
      audit.accounts[address] = account
    }
    return audit
  }

  var totalBalance: Int64 { accounts.values.reduce(0) { $0 + $1.balance } }
  var totalFees: Int64 { accounts.values.reduce(0) { $0 + $1.fees } }

  private static func call(_ api: URL, _ method: String, address: String, extra: String = "") async throws -> Any? {
    let url = URL(string: "\(api.absoluteString)/\(method)?address=\(address)\(extra)")!
    let (data, _) = try await URLSession.shared.data(from: url)
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["result"]
  }

  private static func int(_ value: Any?) -> Int64 {
    if let text = value as? String { return Int64(text) ?? 0 }
    if let number = value as? NSNumber { return number.int64Value }
    return 0
  }
}
