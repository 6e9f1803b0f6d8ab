/// The wallet v4r2 contract (subwallet id 698983191 by default).
public struct WalletV4R2: Wallet, Hashable {
  /// The default subwallet id of v4r2 wallets: 698983191.
  public static let defaultSubwalletID: UInt32 = 698_983_191
  public static let maxMessages = 4

  public let publicKey: [UInt8]
  public let workchain: Int32
  /// The subwallet id.
  public let subwalletID: UInt32

  /// Creates a wallet description.
  public init(publicKey: [UInt8], workchain: Int32 = 0, subwalletID: UInt32 = WalletV4R2.defaultSubwalletID) throws {
    guard publicKey.count == 32 else { throw TONError(.invalidKey, "an Ed25519 public key is 32 bytes") }
    self.publicKey = publicKey
    self.workchain = workchain
    self.subwalletID = subwalletID
  }

  /// Initial data: `seqno:uint32 subwallet:uint32 public_key:bits256 plugins:(HashmapE 264 Cell)`.
  public var stateInit: StateInit {
    get throws {
      var data = CellBuilder()
      try data.storeUInt(0, bits: 32)
      try data.storeUInt(UInt64(subwalletID), bits: 32)
      try data.storeBytes(publicKey)
      try data.storeBit(false)
      return StateInit(code: WalletCode.v4r2, data: try data.endCell())
    }
  }

  /// `signature:bits512 subwallet:uint32 valid_until:uint32 seqno:uint32 op:uint8 (mode:uint8 ^msg)*`.
  public func signedBody(_ transfer: WalletTransfer, keyPair: KeyPair) throws -> Cell {
    var signed = CellBuilder()
    try signed.storeUInt(UInt64(subwalletID), bits: 32)
    try signed.storeUInt(UInt64(transfer.validUntil), bits: 32)
    try signed.storeUInt(UInt64(transfer.seqno), bits: 32)
    try signed.storeUInt(0, bits: 8)  // op 0: simple send
    for item in transfer.messages {
      try signed.storeUInt(UInt64(item.mode.rawValue), bits: 8)
      try signed.storeRef(try item.message.cell())
    }
    let signedCell = try signed.endCell()
    var body = CellBuilder()
    try body.storeBytes(try keyPair.sign(signedCell.hash))
    try body.storeCell(signedCell)
    return try body.endCell()
  }
}
