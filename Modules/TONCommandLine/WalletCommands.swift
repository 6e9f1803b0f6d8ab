import ArgumentParser
import BigInt
import Foundation
import TON
import TONCenter

/// `ton balance ADDRESS`
struct BalanceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "balance", abstract: "Print an address's balance as JSON.")
  @Argument(help: "The address, in any form.") var address: String
  @OptionGroup var network: NetworkOptions

  func run() async throws {
    do {
      let parsed = try Address(address)
      let balance = try await network.client().balance(parsed)
      try printJSON(["address": parsed.raw, "nanotons": String(balance), "ton": Coins.tonString(nanotons: balance)])
    } catch let error as TONError {
      throw fail(error.reason)
    } catch let error as TONCenterError {
      throw fail(error.description)
    }
  }
}

/// `ton send --mnemonic-file F --wallet V --to ADDRESS --amount TON [--comment TEXT]`
struct SendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "send", abstract: "Sign and send a transfer from a wallet (deploying it on its first transfer).")
  @Option(help: "A file holding the 24-word mnemonic.") var mnemonicFile: String
  @Option(help: "The wallet contract: v4r2 or v5r1.") var wallet: WalletKind
  @Option(help: "The recipient, in any form; a non-bounceable form sends without bounce.") var to: String
  @Option(help: "The amount in TON, e.g. 1.5.") var amount: String
  @Option(help: "A text comment.") var comment: String?
  @Option(help: "Seconds the order stays valid.") var ttl: UInt32 = 120
  @OptionGroup var network: NetworkOptions

  func run() async throws {
    do {
      let keys = try Mnemonic(contentsOfFile: mnemonicFile).keyPair()
      let sender = try wallet.wallet(publicKey: keys.publicKey, testnet: network.isTestnet)
      let (destination, flags) = try Address.parse(to)
      let value = try Coins.nanotons(fromTON: amount)
      let message = InternalMessage(
        destination: destination, value: value, bounce: flags?.bounceable ?? true,
        body: try comment.map { try Cell.textComment($0) })
      let client = try network.client()
      let seqno = try await client.seqno(try sender.address)
      let order = WalletTransfer(
        seqno: seqno, validUntil: UInt32(Date().timeIntervalSince1970) + ttl, messages: [(message, .standard)])
      let hash = try await client.sendBocReturnHash(try sender.externalMessage(order, keyPair: keys).cell())
      try printJSON(["from": try sender.address.raw, "to": destination.raw, "nanotons": String(value), "seqno": String(seqno), "hash": hash])
    } catch let error as TONError {
      throw fail(error.reason)
    } catch let error as TONCenterError {
      throw fail(error.description)
    }
  }
}
