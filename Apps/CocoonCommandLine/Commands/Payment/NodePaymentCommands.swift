public import ArgumentParser
import CocoonAccounting
import CocoonCore
public import CocoonRuntime
import Foundation

/// `cocoon-node earnings`: what coordinators vouched and what the ledger has paid out.
public struct NodeEarningsCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "earnings", abstract: "Show vouched and paid-out earnings per coordinator (TON).")

  @OptionGroup public var options: PaymentOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let session = try await PaymentSession(role: .node, options: options, plugins: plugins)
    let node = session.signer.address
    let wallet = try VoucherWallet(path: session.walletPath(options))
    print("node \(node)")
    let vouchers = await wallet.all.filter { $0.kind == .nodeEarning }
    if vouchers.isEmpty { print("no earning vouchers yet in \(session.walletPath(options))") }
    for voucher in vouchers {
      let paid = try await session.network.nodeEarnings(node: node, coordinator: voucher.coordinator)
      let unpaid = NanoAmount(voucher.amount.rawValue - min(paid.rawValue, voucher.amount.rawValue))
      print("coordinator \(voucher.coordinator): vouched \(voucher.amount.units), paid \(paid.units), unpaid \(unpaid.units)")
    }
  }
}

/// `cocoon-node payout`: submits the latest earning voucher of each coordinator to the ledger.
public struct NodePayoutCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "payout", abstract: "Cash the latest earning voucher of each coordinator on the ledger.")

  @OptionGroup public var options: PaymentOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let session = try await PaymentSession(role: .node, options: options, plugins: plugins)
    let node = session.signer.address
    let wallet = try VoucherWallet(path: session.walletPath(options))
    for voucher in await wallet.all where voucher.kind == .nodeEarning {
      let paid = try await session.network.nodeEarnings(node: node, coordinator: voucher.coordinator)
      guard voucher.amount > paid else {
        print("coordinator \(voucher.coordinator): nothing new to cash (paid \(paid.units))")
        continue
      }
      try await session.network.submit(voucher)
      print("coordinator \(voucher.coordinator): paid \(NanoAmount(voucher.amount.rawValue - paid.rawValue).units)")
    }
    print("paid out in all: \(try await session.network.walletBalance(address: node).units)")
  }
}
