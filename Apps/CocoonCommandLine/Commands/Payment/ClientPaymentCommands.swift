public import ArgumentParser
import CocoonAccounting
import CocoonCore
public import CocoonRuntime
import Foundation

/// `cocoon-client balance`: the client's account with its coordinator, and what the ledger paid back to it.
public struct ClientBalanceCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "balance", abstract: "Show the client's balance, stake and charges on the ledger (TON).")

  @OptionGroup public var options: PaymentOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let session = try await PaymentSession(role: .client, options: options, plugins: plugins)
    let coordinator = try await session.coordinator(options)
    let account = try await session.network.clientAccount(client: session.signer.address, coordinator: coordinator)
    print("client      \(session.signer.address)")
    print("coordinator \(coordinator)")
    print("balance     \(account.balance.units)")
    print("stake       \(account.stake.units)")
    print("charged     \(account.charged.units)")
    // The coordinator's latest voucher: the spend so far, which the ledger is charged in batches (on TON from
    // half the stake), so it may be ahead of `charged`.
    let wallet = try VoucherWallet(path: session.walletPath(options))
    let vouched = await wallet.latest(from: coordinator, kind: .clientCharge)?.amount ?? .zero
    print("vouched     \(vouched.units)")
    if account.closed {
      print("state       closed")
    } else if let unlock = account.unlockTime {
      print("state       closing; the stake returns at \(unlock) (run `close` again then)")
    }
    print("paid out    \(try await session.network.walletBalance(address: session.signer.address).units)")
  }
}

/// `cocoon-client deposit AMOUNT`: adds funds and tops the stake up to the registry's minimum.
public struct ClientDepositCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "deposit", abstract: "Deposit AMOUNT TON with the coordinator; the stake is raised to the minimum.")

  @OptionGroup public var options: PaymentOptions
  @Argument(help: "TON, up to 9 decimals, e.g. 1.5") public var amount: String

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let amount = try parseAmount(amount)
    let session = try await PaymentSession(role: .client, options: options, plugins: plugins)
    let coordinator = try await session.coordinator(options)
    let client = session.signer.address
    try await session.network.deposit(client: client, coordinator: coordinator, amount: amount)
    let minimum = try await session.network.registry().minimumClientStake
    let account = try await session.network.clientAccount(client: client, coordinator: coordinator)
    if account.stake < minimum {
      let raise = NanoAmount(min(minimum.rawValue - account.stake.rawValue, account.balance.rawValue - account.stake.rawValue))
      if raise > .zero { try await session.network.increaseStake(client: client, coordinator: coordinator, amount: raise) }
    }
    let after = try await session.network.clientAccount(client: client, coordinator: coordinator)
    print("deposited \(amount.units); balance \(after.balance.units), stake \(after.stake.units)")
    if after.stake < minimum { print("note: the stake is below the minimum \(minimum.units); deposit more to be served") }
  }
}

/// `cocoon-client withdraw AMOUNT`: takes funds back, never below the stake.
public struct ClientWithdrawCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "withdraw", abstract: "Withdraw AMOUNT TON; the balance never goes below the stake.")

  @OptionGroup public var options: PaymentOptions
  @Argument(help: "TON, up to 9 decimals, e.g. 0.25") public var amount: String

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let amount = try parseAmount(amount)
    let session = try await PaymentSession(role: .client, options: options, plugins: plugins)
    let coordinator = try await session.coordinator(options)
    try await session.network.withdraw(client: session.signer.address, coordinator: coordinator, amount: amount)
    let after = try await session.network.clientAccount(client: session.signer.address, coordinator: coordinator)
    print("withdrew \(amount.units); balance \(after.balance.units), stake \(after.stake.units)")
  }
}

/// `cocoon-client close`: closes the account; the stake returns after the close delay (run it again then).
public struct ClientCloseCommand: PluginCommand {
  public static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "Close the account: the part above the stake returns now, the stake after the close delay.")

  @OptionGroup public var options: PaymentOptions

  public init() {}

  public func run(plugins: PluginRegistry) async throws {
    let session = try await PaymentSession(role: .client, options: options, plugins: plugins)
    let coordinator = try await session.coordinator(options)
    let client = session.signer.address
    try await session.network.close(client: client, coordinator: coordinator)
    let after = try await session.network.clientAccount(client: client, coordinator: coordinator)
    if after.closed {
      print("closed; paid out in all: \(try await session.network.walletBalance(address: client).units)")
    } else if let unlock = after.unlockTime {
      print("closing; the stake of \(after.stake.units) returns after \(unlock): run `cocoon-client close` again then")
    }
  }
}
