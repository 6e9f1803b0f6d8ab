import ArgumentParser
import Foundation
import TON

/// `ton mnemonic new --out FILE`
struct MnemonicCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mnemonic", abstract: "Mnemonic phrases.", subcommands: [New.self])

  struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate a 24-word TON mnemonic into a file (mode 0600).")
    @Option(help: "The file to write; refused if it exists unless --force.") var out: String
    @Flag(help: "Overwrite an existing file.") var force = false

    func run() async throws {
      if FileManager.default.fileExists(atPath: out), !force {
        throw fail("\(out) exists; pass --force to overwrite it")
      }
      do {
        try Mnemonic.generate().write(toFile: out)
      } catch let error as TONError {
        throw fail(error.reason)
      }
    }
  }
}

/// `ton address --mnemonic-file FILE --wallet v4r2|v5r1 [--testnet]`
struct AddressCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "address", abstract: "Print a wallet's address as JSON: raw, bounceable, nonBounceable.")
  @Option(help: "A file holding the 24-word mnemonic.") var mnemonicFile: String
  @Option(help: "The wallet contract: v4r2 or v5r1.") var wallet: WalletKind
  @Flag(help: "Testnet: the testnet-only flag, and for v5r1 the testnet wallet id.") var testnet = false

  func run() async throws {
    do {
      try printJSON(try Self.forms(Mnemonic(contentsOfFile: mnemonicFile), wallet: wallet, testnet: testnet))
    } catch let error as TONError {
      throw fail(error.reason)
    }
  }
}

extension AddressCommand {
  /// The JSON fields printed for a wallet: `raw`, `bounceable`, `nonBounceable` (url-safe).
  static func forms(_ mnemonic: Mnemonic, wallet: WalletKind, testnet: Bool) throws -> [String: String] {
    let keys = try mnemonic.keyPair()
    let address = try wallet.wallet(publicKey: keys.publicKey, testnet: testnet).address
    return [
      "raw": address.raw,
      "bounceable": address.friendly(bounceable: true, testnetOnly: testnet),
      "nonBounceable": address.friendly(bounceable: false, testnetOnly: testnet),
    ]
  }
}

/// `ton boc-hash FILE`
struct BoCHashCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "boc-hash", abstract: "Print the root cell's representation hash of a BoC file (binary, hex or base64).")
  @Argument(help: "The BoC file.") var file: String

  func run() async throws {
    guard let data = FileManager.default.contents(atPath: file) else { throw fail("cannot read \(file)") }
    do {
      print(try Cell.fromBoC([UInt8](data)).hashHex)
    } catch let error as TONError {
      throw fail("\(file): \(error.reason)")
    }
  }
}
