import ArgumentParser
import Foundation
import TON
import TONCenter

/// The wallet contract a command works with.
enum WalletKind: String, ExpressibleByArgument, CaseIterable {
  case v4r2, v5r1

  func wallet(publicKey: [UInt8], testnet: Bool) throws -> any Wallet {
    switch self {
    case .v4r2: try WalletV4R2(publicKey: publicKey)
    case .v5r1:
      try WalletV5R1(publicKey: publicKey, networkGlobalID: testnet ? WalletV5R1.testnetGlobalID : WalletV5R1.mainnetGlobalID)
    }
  }
}

/// Where a command reaches TON Center.
struct NetworkOptions: ParsableArguments {
  @Option(help: "The network preset: sandbox, testnet or mainnet.")
  var network: String = "sandbox"

  @Option(help: "A TON Center API v2 base URL (ending in /api/v2); overrides the preset's.")
  var endpoint: String?

  @Option(help: "A TON Center API key (sent as X-API-Key); defaults to $TONCENTER_API_KEY.")
  var apiKey: String?

  func client() throws -> TONCenterClient {
    var configuration = try TONCenterConfiguration.preset(network)
    if let endpoint { configuration.endpoints = [endpoint] }
    configuration.apiKey = apiKey ?? ProcessInfo.processInfo.environment["TONCENTER_API_KEY"]
    return try TONCenterClient(configuration: configuration)
  }

  var isTestnet: Bool { network == "testnet" }
}

/// Prints a JSON object with sorted keys on one line.
func printJSON(_ object: [String: String]) throws {
  let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
  print(String(decoding: data, as: UTF8.self))
}

/// Reports a toolkit error on stderr and exits with status 1.
func fail(_ message: String) -> ExitCode {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  return ExitCode.failure
}
