public import Foundation

/// A model the network serves, pinned by the hash of its weights.
public struct RegisteredModel: Hashable, Sendable, Codable {
  public var name: ModelID
  /// SHA-256 of the weights file, lower-case hex.
  public var weightsSHA256: String

  public init(name: ModelID, weightsSHA256: String) {
    self.name = name
    self.weightsSHA256 = weightsSHA256
  }
}

/// A coordinator listed in the registry.
public struct RegisteredCoordinator: Hashable, Sendable, Codable {
  /// Its Ed25519 public key (vouchers are valid only under it).
  public var publicKey: Data
  /// Where nodes and clients connect, `host:port`.
  public var endpoint: String
  /// Its account on the ledger.
  public var address: String

  public init(publicKey: Data, endpoint: String, address: String) {
    self.publicKey = publicKey
    self.endpoint = endpoint
    self.address = address
  }
}

/// Everything the registry (Telegram's root contract) says, as read through a payment network.
public struct RegistrySnapshot: Hashable, Sendable, Codable {
  public var allowedImageHashes: [Role: Set<Data>]
  public var models: [RegisteredModel]
  public var coordinators: [RegisteredCoordinator]
  public var prices: Prices
  public var minimumClientStake: NanoAmount
  public var minimumNodeStake: NanoAmount
  /// Seconds between a client's close request and the return of its stake.
  public var clientCloseDelay: UInt64

  public init(
    allowedImageHashes: [Role: Set<Data>], models: [RegisteredModel], coordinators: [RegisteredCoordinator],
    prices: Prices, minimumClientStake: NanoAmount, minimumNodeStake: NanoAmount, clientCloseDelay: UInt64
  ) {
    self.allowedImageHashes = allowedImageHashes
    self.models = models
    self.coordinators = coordinators
    self.prices = prices
    self.minimumClientStake = minimumClientStake
    self.minimumNodeStake = minimumNodeStake
    self.clientCloseDelay = clientCloseDelay
  }
}
