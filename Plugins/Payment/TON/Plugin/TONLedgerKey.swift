public import CocoonCore
public import Foundation
public import TON

/// A party's TON identity: its wallet (v5r1 or v4r2) and the wallet's key, which also signs vouchers and
/// checkpoints. Its ledger address is the wallet's raw address (`0:<hex>`).
public struct TONLedgerKey: LedgerSigner {
  public let keyPair: KeyPair
  public let wallet: any Wallet
  public let walletAddress: Address

  public init(keyPair: KeyPair, version: TONPaymentOptions.WalletVersion, globalID: Int32) throws {
    self.keyPair = keyPair
    wallet = try Self.wallet(publicKey: keyPair.publicKey, version: version, globalID: globalID)
    walletAddress = try wallet.address
  }

  /// The wallet contract of `publicKey` on the network `globalID`.
  public static func wallet(publicKey: [UInt8], version: TONPaymentOptions.WalletVersion, globalID: Int32) throws
    -> any Wallet
  {
    switch version {
    case .v5r1: try WalletV5R1(publicKey: publicKey, networkGlobalID: globalID)
    case .v4r2: try WalletV4R2(publicKey: publicKey)
    }
  }

  public var address: String { walletAddress.raw }
  public var publicKey: Data { Data(keyPair.publicKey) }

  public func sign(_ message: Data) throws -> Data { Data(try keyPair.sign([UInt8](message))) }
}
