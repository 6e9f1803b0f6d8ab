import Testing

@testable import TON

/// Reproduces pytoniq-core's mnemonics, keys and wallet addresses (v4r2 also checked against tonsdk by the generator).
@Suite("Mnemonics, keys and wallet addresses cross-check pytoniq-core")
struct PytoniqCrossCheckKeyTests {
  @Test("there are 100 mnemonic vectors")
  func mnemonicCount() { #expect(Fixtures.mnemonics.count == 100) }

  @Test(
    "100 mnemonics give pytoniq-core's seeds, keys and v4r2/v5r1 addresses on mainnet and testnet",
    arguments: 0..<10)
  func mnemonicsMatch(chunk: Int) throws {
    for vector in Fixtures.mnemonics[(chunk * 10)..<(chunk * 10 + 10)] {
      let mnemonic = try Mnemonic(phrase: vector.words)
      let keys = try mnemonic.keyPair()
      #expect(ByteEncoding.hex(keys.seed) == vector.seed)
      #expect(ByteEncoding.hex(keys.publicKey) == vector.publicKey)
      let v4 = try WalletV4R2(publicKey: keys.publicKey)
      try check(try v4.address, vector.v4r2Mainnet, testnet: false)
      try check(try v4.address, vector.v4r2Testnet, testnet: true)
      let v5main = try WalletV5R1(publicKey: keys.publicKey, networkGlobalID: WalletV5R1.mainnetGlobalID)
      try check(try v5main.address, vector.v5r1Mainnet, testnet: false)
      let v5test = try WalletV5R1(publicKey: keys.publicKey, networkGlobalID: WalletV5R1.testnetGlobalID)
      try check(try v5test.address, vector.v5r1Testnet, testnet: true)
    }
  }

  private func check(_ address: Address, _ expected: Fixtures.WalletAddresses, testnet: Bool) throws {
    #expect(address.raw == expected.raw)
    #expect(address.friendly(bounceable: true, testnetOnly: testnet) == expected.bounceable)
    #expect(address.friendly(bounceable: false, testnetOnly: testnet) == expected.nonBounceable)
  }

  @Test("300 addresses: every user-friendly form parses and prints as pytoniq-core's")
  func addressesMatch() throws {
    for vector in Fixtures.addresses {
      let address = try Address(raw: vector.raw)
      #expect(address.raw == vector.raw)
      for (key, text) in vector.forms {
        let parts = key.split(separator: "-")
        let urlSafe = parts[0] == "url"
        let bounceable = parts[1] == "b"
        let testnet = parts[2] == "test"
        #expect(address.friendly(bounceable: bounceable, testnetOnly: testnet, urlSafe: urlSafe) == text)
        let parsed = try Address.parse(text)
        #expect(parsed.address == address)
        #expect(parsed.flags == Address.Flags(bounceable: bounceable, testnetOnly: testnet))
      }
    }
  }
}
