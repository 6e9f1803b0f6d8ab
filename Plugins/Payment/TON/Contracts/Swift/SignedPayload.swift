public import BigInt
public import TON

/// A coordinator- or owner-signed payload: `kind:uint32 contract:MsgAddressInt global_id:int32 sequence:uint64 …`.
///
/// The Ed25519 signature covers the payload cell's hash, so it binds the kind (what it authorizes), the one
/// contract that accepts it, the network and a sequence number that must increase.
public struct SignedPayload: Sendable, Hashable {
  /// What a payload authorizes.
  public enum Kind: UInt32, Sendable {
    /// A cumulative charge of a client contract (`… amount:Coins`).
    case charge = 0x7663_6867
    /// A final charge that closes a client contract at once (`… amount:Coins`).
    case finalCharge = 0x7666_696e
    /// A cumulative payout of a node contract (`… amount:Coins`).
    case payout = 0x7670_6179
    /// A coordinator checkpoint (`… state_hash:bits256`).
    case checkpoint = 0x7663_706b
    /// A registry replacement (`… valid_until:uint32 registry:^Registry`).
    case registryUpdate = 0x7672_6f74
  }

  /// The payload cell that is signed.
  public let cell: Cell

  private init(
    kind: Kind, contract: Address, globalID: Int32, sequence: UInt64, tail: (inout CellBuilder) throws -> Void
  )
    throws
  {
    var builder = CellBuilder()
    try builder.storeUInt(UInt64(kind.rawValue), bits: 32)
    try builder.storeAddress(contract)
    try builder.storeInt(Int64(globalID), bits: 32)
    try builder.storeUInt(sequence, bits: 64)
    try tail(&builder)
    cell = try builder.endCell()
  }

  /// A cumulative voucher (`charge`, `finalCharge` or `payout`) for `contract`.
  public static func voucher(_ kind: Kind, contract: Address, globalID: Int32, sequence: UInt64, amount: BigUInt) throws
    -> SignedPayload
  {
    guard [.charge, .finalCharge, .payout].contains(kind) else {
      throw TONError(.invalidValue, "a voucher is a charge, final charge or payout; not \(kind)")
    }
    return try SignedPayload(kind: kind, contract: contract, globalID: globalID, sequence: sequence) {
      try $0.storeCoins(amount)
    }
  }

  /// A checkpoint of a coordinator contract.
  public static func checkpoint(contract: Address, globalID: Int32, sequence: UInt64, stateHash: [UInt8]) throws
    -> SignedPayload
  {
    guard stateHash.count == 32 else { throw TONError(.invalidValue, "a checkpoint state hash is 32 bytes") }
    return try SignedPayload(kind: .checkpoint, contract: contract, globalID: globalID, sequence: sequence) {
      try $0.storeBytes(stateHash)
    }
  }

  /// A registry replacement for the root contract, valid until `validUntil` (unix time).
  public static func registryUpdate(
    contract: Address, globalID: Int32, sequence: UInt64, validUntil: UInt32, registry: Cell
  ) throws -> SignedPayload {
    try SignedPayload(kind: .registryUpdate, contract: contract, globalID: globalID, sequence: sequence) {
      try $0.storeUInt(UInt64(validUntil), bits: 32)
      try $0.storeRef(registry)
    }
  }

  /// The Ed25519 signature of the payload cell's hash.
  public func signature(by keys: KeyPair) throws -> [UInt8] { try keys.sign(cell.hash) }

  /// `signature:bits512 payload:^SignedPayload`, as the root's external update carries it.
  public func signedCell(signature: [UInt8]) throws -> Cell {
    var builder = CellBuilder()
    try storeSigned(into: &builder, signature: signature)
    return try builder.endCell()
  }

  /// An internal message body `op:uint32 query_id:uint64 signature:bits512 payload:^SignedPayload`.
  public func body(op: UInt32, queryID: UInt64 = 0, signature: [UInt8]) throws -> Cell {
    var builder = try ContractBody.header(op, queryID)
    try storeSigned(into: &builder, signature: signature)
    return try builder.endCell()
  }

  private func storeSigned(into builder: inout CellBuilder, signature: [UInt8]) throws {
    guard signature.count == 64 else { throw TONError(.invalidValue, "an Ed25519 signature is 64 bytes") }
    try builder.storeBytes(signature)
    try builder.storeRef(cell)
  }
}

/// Message bodies of the operations that carry no signature.
public enum ContractBody {
  /// A builder holding `op:uint32 query_id:uint64`.
  public static func header(_ op: UInt32, _ queryID: UInt64 = 0) throws -> CellBuilder {
    var builder = CellBuilder()
    try builder.storeUInt(UInt64(op), bits: 32)
    try builder.storeUInt(queryID, bits: 64)
    return builder
  }

  /// `op query_id` alone (close).
  public static func plain(_ op: UInt32, queryID: UInt64 = 0) throws -> Cell { try header(op, queryID).endCell() }

  /// `op query_id amount:Coins` (top-up, increase stake, withdraw, add stake, coordinator close).
  public static func amount(_ op: UInt32, _ amount: BigUInt, queryID: UInt64 = 0) throws -> Cell {
    var builder = try header(op, queryID)
    try builder.storeCoins(amount)
    return try builder.endCell()
  }
}
