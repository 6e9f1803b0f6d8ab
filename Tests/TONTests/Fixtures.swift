import Foundation

/// Loads the committed vectors from `Tests/Fixtures/ton/`.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/ton")

  static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
  }

  struct CellVector: Decodable {
    let boc: String
    let hash: String
    let depth: Int
    let level: UInt8
    let hashes: [String]
    let depths: [Int]
    let cellCount: Int
    let allHashes: String
    let crc: String
    let idx: String?
    let idxCrcCache: String?
  }

  struct WalletAddresses: Decodable {
    let raw: String
    let bounceable: String
    let nonBounceable: String
  }

  struct MnemonicVector: Decodable {
    let words: String
    let publicKey: String
    let seed: String
    let v4r2Mainnet: WalletAddresses
    let v4r2Testnet: WalletAddresses
    let v5r1Mainnet: WalletAddresses
    let v5r1Testnet: WalletAddresses

    enum CodingKeys: String, CodingKey {
      case words, publicKey, seed
      case v4r2Mainnet = "v4r2-mainnet", v4r2Testnet = "v4r2-testnet"
      case v5r1Mainnet = "v5r1-mainnet", v5r1Testnet = "v5r1-testnet"
    }
  }

  struct AddressVector: Decodable {
    let raw: String
    let forms: [String: String]
  }

  static let cells: [CellVector] = try! load("cells.json", as: [CellVector].self)
  static let mnemonics: [MnemonicVector] = try! load("mnemonics.json", as: [MnemonicVector].self)
  static let addresses: [AddressVector] = try! load("addresses.json", as: [AddressVector].self)
}
