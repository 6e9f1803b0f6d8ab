public import ArgumentParser

/// `ton`: TON key, address, BoC and wallet tools, mounted as a subcommand of the Cocoon apps.
public struct TONCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "ton",
    abstract: "TON tools: mnemonics, wallet addresses, BoC hashes, balances and transfers.",
    subcommands: [MnemonicCommand.self, AddressCommand.self, BoCHashCommand.self, BalanceCommand.self, SendCommand.self])

  public init() {}
}
