public import BigInt
import Crypto
public import TON

/// The registry the root contract holds (`Registry` in cocoon.tlb).
public struct Registry: Sendable, Hashable {
  /// Prices, stakes and delays (`RegistryParams`).
  public struct Parameters: Sendable, Hashable {
    /// nanoTON a client pays per token at multiplier 1.0.
    public var pricePerToken: UInt64
    /// nanoTON a node earns per token at multiplier 1.0.
    public var nodeFeePerToken: UInt64
    /// Multipliers in basis points (10,000 = 1.0).
    public var promptMultiplier: UInt32
    public var cachedMultiplier: UInt32
    public var completionMultiplier: UInt32
    public var reasoningMultiplier: UInt32
    public var minimumClientStake: BigUInt
    public var minimumNodeStake: BigUInt
    public var minimumCoordinatorStake: BigUInt
    public var clientCloseDelay: UInt32
    public var coordinatorCloseDelay: UInt32

    public init(
      pricePerToken: UInt64, nodeFeePerToken: UInt64, promptMultiplier: UInt32 = 10_000,
      cachedMultiplier: UInt32 = 10_000, completionMultiplier: UInt32 = 10_000, reasoningMultiplier: UInt32 = 10_000,
      minimumClientStake: BigUInt, minimumNodeStake: BigUInt, minimumCoordinatorStake: BigUInt,
      clientCloseDelay: UInt32, coordinatorCloseDelay: UInt32
    ) {
      self.pricePerToken = pricePerToken
      self.nodeFeePerToken = nodeFeePerToken
      self.promptMultiplier = promptMultiplier
      self.cachedMultiplier = cachedMultiplier
      self.completionMultiplier = completionMultiplier
      self.reasoningMultiplier = reasoningMultiplier
      self.minimumClientStake = minimumClientStake
      self.minimumNodeStake = minimumNodeStake
      self.minimumCoordinatorStake = minimumCoordinatorStake
      self.clientCloseDelay = clientCloseDelay
      self.coordinatorCloseDelay = coordinatorCloseDelay
    }
  }

  /// A role an image may run as (bit flags of `ImageEntry.roles`).
  public struct Roles: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let node = Roles(rawValue: 1)
    public static let coordinator = Roles(rawValue: 2)
    public static let client = Roles(rawValue: 4)
  }

  /// A coordinator listed in the registry.
  public struct Coordinator: Sendable, Hashable {
    public var publicKey: [UInt8]
    public var contract: Address
    public var endpoint: String
    public init(publicKey: [UInt8], contract: Address, endpoint: String) {
      self.publicKey = publicKey
      self.contract = contract
      self.endpoint = endpoint
    }
  }

  public var parameters: Parameters
  /// Allowed image measurements (any length, e.g. 48-byte launch digests) and the roles each may run as.
  public var images: [[UInt8]: Roles]
  /// Models by name: the SHA-256 of their weights.
  public var models: [String: [UInt8]]
  public var coordinators: [Coordinator]

  public init(parameters: Parameters, images: [[UInt8]: Roles], models: [String: [UInt8]], coordinators: [Coordinator])
  {
    self.parameters = parameters
    self.images = images
    self.models = models
    self.coordinators = coordinators
  }

  /// The registry cell.
  public func cell() throws -> Cell {
    var builder = CellBuilder()
    try builder.storeRef(try Self.parametersCell(parameters))
    try imageDictionary().store(into: &builder)
    try modelDictionary().store(into: &builder)
    try coordinatorDictionary().store(into: &builder)
    return try builder.endCell()
  }

  /// Reads a registry cell.
  public init(cell: Cell) throws {
    var slice = cell.beginParse()
    parameters = try Self.parameters(from: try slice.loadRef())
    images = try Self.images(from: try HashmapE.load(from: &slice, keyBits: 256))
    models = try Self.models(from: try HashmapE.load(from: &slice, keyBits: 256))
    coordinators = try Self.coordinators(from: try HashmapE.load(from: &slice, keyBits: 256))
    try slice.expectEnd("registry")
  }

  static func key(_ bytes: [UInt8]) throws -> BitString {
    BitString(bytes: bytes, count: 256)
  }

  static func sha256(_ bytes: [UInt8]) -> [UInt8] { [UInt8](SHA256.hash(data: bytes)) }

  static func bytesCell(_ bytes: [UInt8]) throws -> Cell {
    var builder = CellBuilder()
    try builder.storeSnakeBytes(bytes)
    return try builder.endCell()
  }

  static func parametersCell(_ p: Parameters) throws -> Cell {
    var builder = CellBuilder()
    try builder.storeUInt(p.pricePerToken, bits: 64)
    try builder.storeUInt(p.nodeFeePerToken, bits: 64)
    for multiplier in [p.promptMultiplier, p.cachedMultiplier, p.completionMultiplier, p.reasoningMultiplier] {
      try builder.storeUInt(UInt64(multiplier), bits: 32)
    }
    try builder.storeCoins(p.minimumClientStake)
    try builder.storeCoins(p.minimumNodeStake)
    try builder.storeCoins(p.minimumCoordinatorStake)
    try builder.storeUInt(UInt64(p.clientCloseDelay), bits: 32)
    try builder.storeUInt(UInt64(p.coordinatorCloseDelay), bits: 32)
    return try builder.endCell()
  }

  static func parameters(from cell: Cell) throws -> Parameters {
    var s = cell.beginParse()
    let price = try s.loadUInt(bits: 64)
    let fee = try s.loadUInt(bits: 64)
    let m = try (0..<4).map { _ in UInt32(try s.loadUInt(bits: 32)) }
    let stakes = try (0..<3).map { _ in try s.loadCoins() }
    let client = UInt32(try s.loadUInt(bits: 32))
    let coordinator = UInt32(try s.loadUInt(bits: 32))
    try s.expectEnd("registry parameters")
    return Parameters(
      pricePerToken: price, nodeFeePerToken: fee, promptMultiplier: m[0], cachedMultiplier: m[1],
      completionMultiplier: m[2], reasoningMultiplier: m[3], minimumClientStake: stakes[0], minimumNodeStake: stakes[1],
      minimumCoordinatorStake: stakes[2], clientCloseDelay: client, coordinatorCloseDelay: coordinator)
  }
}
