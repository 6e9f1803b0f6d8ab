import ArgumentParser
import Foundation
import TON
import TONSandbox

/// `cocoon-ton-sandbox`: a local TON chain (the real emulator) behind the TON Center API v2.
@main
struct CocoonTONSandbox: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cocoon-ton-sandbox",
    abstract: "A local TON chain for development and tests, served as the TON Center API v2 on loopback.",
    subcommands: [Serve.self, Fund.self],
    defaultSubcommand: Serve.self)

  struct Options: ParsableArguments {
    @Option(name: .long, help: "A YAML file with a ton_sandbox: section (listen, state_path, initial_accounts, …).")
    var config: String?

    func load() throws -> SandboxConfiguration {
      guard let config else { return SandboxConfiguration() }
      return try SandboxConfiguration.load(path: config)
    }
  }

  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the chain until SIGTERM or SIGINT.")
    @OptionGroup var options: Options

    func run() async throws {
      let configuration = try options.load()
      let chain = try SandboxChain(configuration: configuration)
      try await SandboxServer.run(chain: chain, configuration: configuration) { port in
        // Written unbuffered: tests and scripts wait for this line to learn the port.
        FileHandle.standardOutput.write(Data("cocoon-ton-sandbox listening on http://127.0.0.1:\(port)/api/v2\n".utf8))
      }
    }
  }

  struct Fund: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Credit an address from the faucet (amount in TON).")
    @OptionGroup var options: Options
    @Argument(help: "The address, in any form.") var address: String
    @Argument(help: "The amount in TON, e.g. 1.5.") var amount: String

    func run() async throws {
      let chain = try SandboxChain(configuration: try options.load())
      let transaction = try await chain.fund(try Address(address), nanotons: try Coins.nanotons(fromTON: amount))
      print(ByteEncoding.hex(transaction.hash))
    }
  }
}
