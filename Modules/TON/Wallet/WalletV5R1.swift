/// The wallet v5r1 contract. Its wallet id packs the network global id, so one key has a different
/// address on mainnet (-239) and testnet (-3).
public struct WalletV5R1: Wallet, Hashable {
  /// The network global id of mainnet.
  public static let mainnetGlobalID: Int32 = -239
  /// The network global id of testnet.
  public static let testnetGlobalID: Int32 = -3
  public static let maxMessages = 255

  public let publicKey: [UInt8]
  public let workchain: Int32
  /// The network global id the wallet id is derived from.
  public let networkGlobalID: Int32
  /// The wallet version in the wallet id (0 for v5r1).
  public let version: UInt8
  /// The subwallet number (15 bits).
  public let subwallet: UInt16

  /// Creates a wallet description.
  public init(
    publicKey: [UInt8], networkGlobalID: Int32 = WalletV5R1.mainnetGlobalID, workchain: Int32 = 0,
    version: UInt8 = 0, subwallet: UInt16 = 0
  ) throws {
    guard publicKey.count == 32 else { throw TONError(.invalidKey, "an Ed25519 public key is 32 bytes") }
    guard subwallet < 1 << 15 else { throw TONError(.invalidValue, "the v5r1 subwallet number is 15 bits") }
    self.publicKey = publicKey
    self.networkGlobalID = networkGlobalID
    self.workchain = workchain
    self.version = version
    self.subwallet = subwallet
  }

  /// The wallet id: `network_global_id XOR (1 << 31 | wc:int8 << 23 | version:uint8 << 15 | subwallet:uint15)`.
  public var walletID: UInt32 {
    var context: UInt32 = 1 << 31
    context |= UInt32(UInt8(truncatingIfNeeded: workchain)) << 23
    context |= UInt32(version) << 15
    context |= UInt32(subwallet)
    return context ^ UInt32(bitPattern: networkGlobalID)
  }

  /// Initial data: `is_signature_allowed:1 seqno:uint32 wallet_id:uint32 public_key:bits256 extensions:(Maybe ^Cell)`.
  public var stateInit: StateInit {
    get throws {
      var data = CellBuilder()
      try data.storeBit(true)
      try data.storeUInt(0, bits: 32)
      try data.storeUInt(UInt64(walletID), bits: 32)
      try data.storeBytes(publicKey)
      try data.storeBit(false)
      return StateInit(code: WalletCode.v5r1, data: try data.endCell())
    }
  }

  /// `signed_external#7369676e wallet_id valid_until seqno (Maybe ^OutList) 0 signature:bits512`.
  public func signedBody(_ transfer: WalletTransfer, keyPair: KeyPair) throws -> Cell {
    var signed = CellBuilder()
    try signed.storeUInt(0x7369_676E, bits: 32)
    try signed.storeUInt(UInt64(walletID), bits: 32)
    try signed.storeUInt(UInt64(transfer.validUntil), bits: 32)
    try signed.storeUInt(UInt64(transfer.seqno), bits: 32)
    if transfer.messages.isEmpty {
      try signed.storeBit(false)
    } else {
      var list = Cell.empty
      for item in transfer.messages {
        var action = CellBuilder()
        try action.storeRef(list)
        try action.storeUInt(0x0EC3_C86D, bits: 32)  // action_send_msg
        try action.storeUInt(UInt64(item.mode.rawValue), bits: 8)
        try action.storeRef(try item.message.cell())
        list = try action.endCell()
      }
      try signed.storeMaybeRef(list)
    }
    try signed.storeBit(false)  // no extended actions
    let signedCell = try signed.endCell()
    var body = CellBuilder()
    try body.storeCell(signedCell)
    try body.storeBytes(try keyPair.sign(signedCell.hash))
    return try body.endCell()
  }
}
