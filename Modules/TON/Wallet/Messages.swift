public import BigInt

/// The send mode of an outbound message (the `mode` byte of `SENDRAWMSG`).
public struct SendMode: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Pay forwarding fees from the account balance, not from the value.
  public static let payFeesSeparately = SendMode(rawValue: 1)
  /// Ignore errors in the action phase.
  public static let ignoreErrors = SendMode(rawValue: 2)
  /// Destroy the account when its balance reaches zero.
  public static let destroyIfZero = SendMode(rawValue: 32)
  /// Carry the remaining value of the inbound message.
  public static let carryInboundValue = SendMode(rawValue: 64)
  /// Carry the whole remaining balance.
  public static let carryAllBalance = SendMode(rawValue: 128)
  /// The usual wallet mode: pay fees separately and ignore errors (3).
  public static let standard: SendMode = [.payFeesSeparately, .ignoreErrors]
}

/// An internal message as a wallet sends it (`MessageRelaxed` with `int_msg_info`).
public struct InternalMessage: Sendable, Hashable {
  /// The recipient.
  public var destination: Address
  /// The value in nanoTON.
  public var value: BigUInt
  /// Whether the message bounces back if the recipient fails.
  public var bounce: Bool
  /// The body, or `nil` for an empty body.
  public var body: Cell?
  /// A state init that deploys the recipient.
  public var stateInit: StateInit?

  /// Creates an internal message.
  public init(destination: Address, value: BigUInt, bounce: Bool = true, body: Cell? = nil, stateInit: StateInit? = nil) {
    self.destination = destination
    self.value = value
    self.bounce = bounce
    self.body = body
    self.stateInit = stateInit
  }

  /// A message carrying a text comment.
  public init(destination: Address, value: BigUInt, bounce: Bool = true, comment: String) throws {
    self.init(destination: destination, value: value, bounce: bounce, body: try Cell.textComment(comment))
  }

  /// The message cell. With the defaults it is the `MessageRelaxed` a wallet sends (source, lt and time
  /// left for the network to fill in); a local chain passes them to make a complete `Message`.
  public func cell(source: Address? = nil, createdLT: UInt64 = 0, createdAt: UInt32 = 0) throws -> Cell {
    var builder = CellBuilder()
    try builder.storeBit(false)  // int_msg_info$0
    try builder.storeBit(true)  // ihr_disabled
    try builder.storeBit(bounce)
    try builder.storeBit(false)  // bounced
    try builder.storeAddress(source)
    try builder.storeAddress(destination)
    try builder.storeCoins(value)
    try builder.storeBit(false)  // no extra currencies
    try builder.storeCoins(0)  // ihr_fee
    try builder.storeCoins(0)  // fwd_fee
    try builder.storeUInt(createdLT, bits: 64)
    try builder.storeUInt(UInt64(createdAt), bits: 32)
    try storeInitAndBody(&builder, stateInit: stateInit, body: body)
    return try builder.endCell()
  }
}

/// An inbound external message (`ext_in_msg_info`) to a contract.
public struct ExternalMessage: Sendable, Hashable {
  /// The contract the message is for.
  public var destination: Address
  /// A state init that deploys the contract.
  public var stateInit: StateInit?
  /// The body.
  public var body: Cell

  /// Creates an external message.
  public init(destination: Address, stateInit: StateInit? = nil, body: Cell) {
    self.destination = destination
    self.stateInit = stateInit
    self.body = body
  }

  /// The `Message` cell.
  public func cell() throws -> Cell {
    var builder = CellBuilder()
    try builder.storeUInt(0b10, bits: 2)  // ext_in_msg_info$10
    try builder.storeAddress(nil)  // src: addr_none
    try builder.storeAddress(destination)
    try builder.storeCoins(0)  // import_fee
    try storeInitAndBody(&builder, stateInit: stateInit, body: body)
    return try builder.endCell()
  }
}

/// Stores `init:(Maybe (Either StateInit ^StateInit)) body:(Either X ^X)`, state init as a reference.
func storeInitAndBody(_ builder: inout CellBuilder, stateInit: StateInit?, body: Cell?) throws {
  if let stateInit {
    try builder.storeBit(true)
    try builder.storeEitherRef(try stateInit.cell())
  } else {
    try builder.storeBit(false)
  }
  try builder.storeEither(body ?? Cell.empty)
}
