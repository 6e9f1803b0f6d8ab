import BigInt
import Foundation
import Testing

@testable import TON

@Suite("Wallets, mnemonics and messages")
struct WalletTests {
  @Test("the wallet code constants have the known code hashes")
  func codeHashes() {
    #expect(WalletCode.v4r2.hashHex == "feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0")
    #expect(WalletCode.v5r1.hashHex == "20834b7b72b112147e1b2fb457b84e74d1a30f04f737d4f62a668e9552d2b72f")
  }

  @Test("v5r1 wallet ids derive from the network global id")
  func walletIDs() throws {
    let key = [UInt8](repeating: 1, count: 32)
    #expect(try WalletV5R1(publicKey: key, networkGlobalID: -239).walletID == 2_147_483_409)
    #expect(try WalletV5R1(publicKey: key, networkGlobalID: -3).walletID == 2_147_483_645)
  }

  @Test("a generated mnemonic is valid, and its file has mode 0600")
  func mnemonicFile() throws {
    let mnemonic = Mnemonic.generate()
    #expect(mnemonic.words.count == 24)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ton-mnemonic-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try mnemonic.write(toFile: path)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try Mnemonic(contentsOfFile: path) == mnemonic)
    #expect(throws: TONError(.invalidMnemonic, "")) { try Mnemonic(phrase: "abandon abandon") }
  }

  @Test("signed external messages carry a valid signature over the signed part")
  func signatures() throws {
    let keys = try KeyPair(seed: [UInt8](repeating: 9, count: 32))
    let destination = try Address(workchain: 0, hash: [UInt8](repeating: 2, count: 32))
    let message = try InternalMessage(destination: destination, value: 1_500_000_000, comment: "hello")
    let transfer = WalletTransfer(seqno: 0, validUntil: 1_000, messages: [(message, .standard)])
    let v4 = try WalletV4R2(publicKey: keys.publicKey)
    let external = try v4.externalMessage(transfer, keyPair: keys)
    #expect(external.stateInit != nil)
    var body = external.body.beginParse()
    let signature = try body.loadBytes(64)
    #expect(KeyPair.verify(signature: signature, message: try body.remainder().hash, publicKey: keys.publicKey))
    let v5 = try WalletV5R1(publicKey: keys.publicKey)
    let v5Body = try v5.externalMessage(transfer, keyPair: keys).body
    var v5Slice = v5Body.beginParse()
    let signed = try v5Slice.loadBits(v5Body.bitCount - 512)
    let v5Signature = try v5Slice.loadBytes(64)
    let signedCell = try Cell(data: signed.bytes, bitCount: signed.count, refs: v5Body.refs)
    #expect(KeyPair.verify(signature: v5Signature, message: signedCell.hash, publicKey: keys.publicKey))
    _ = try external.cell().toBoC()
  }
}
