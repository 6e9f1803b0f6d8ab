import BigInt
public import TON

extension Registry {
  /// `HashmapE 256 ImageEntry`: key SHA-256(measurement), value `roles:uint8 measurement:^Bytes`.
  func imageDictionary() throws -> HashmapE {
    var dictionary = try HashmapE(keyBits: 256)
    for (measurement, roles) in images {
      var value = CellBuilder()
      try value.storeUInt(UInt64(roles.rawValue), bits: 8)
      try value.storeRef(try Self.bytesCell(measurement))
      try dictionary.set(try Self.key(Self.sha256(measurement)), try value.endCell())
    }
    return dictionary
  }

  /// `HashmapE 256 ModelEntry`: key SHA-256(name), value `weights_sha256:bits256 name:^Bytes`.
  func modelDictionary() throws -> HashmapE {
    var dictionary = try HashmapE(keyBits: 256)
    for (name, weights) in models {
      guard weights.count == 32 else { throw TONError(.invalidValue, "model \(name): a weights hash is 32 bytes") }
      var value = CellBuilder()
      try value.storeBytes(weights)
      try value.storeRef(try Self.bytesCell(Array(name.utf8)))
      try dictionary.set(try Self.key(Self.sha256(Array(name.utf8))), try value.endCell())
    }
    return dictionary
  }

  /// `HashmapE 256 CoordinatorEntry`: key public key, value `contract:MsgAddressInt endpoint:^Bytes`.
  func coordinatorDictionary() throws -> HashmapE {
    var dictionary = try HashmapE(keyBits: 256)
    for coordinator in coordinators {
      guard coordinator.publicKey.count == 32 else { throw TONError(.invalidValue, "a coordinator key is 32 bytes") }
      var value = CellBuilder()
      try value.storeAddress(coordinator.contract)
      try value.storeRef(try Self.bytesCell(Array(coordinator.endpoint.utf8)))
      try dictionary.set(try Self.key(coordinator.publicKey), try value.endCell())
    }
    return dictionary
  }

  /// Decodes the images dictionary (as `get_images` returns it, or from the registry cell).
  public static func images(from dictionary: HashmapE) throws -> [[UInt8]: Roles] {
    var images: [[UInt8]: Roles] = [:]
    for (_, value) in dictionary.sorted {
      var slice = value.beginParse()
      let roles = Roles(rawValue: UInt8(try slice.loadUInt(bits: 8)))
      var bytes = try slice.loadRef().beginParse()
      images[try bytes.loadSnakeBytes()] = roles
    }
    return images
  }

  /// Decodes the models dictionary.
  public static func models(from dictionary: HashmapE) throws -> [String: [UInt8]] {
    var models: [String: [UInt8]] = [:]
    for (_, value) in dictionary.sorted {
      var slice = value.beginParse()
      let weights = try slice.loadBytes(32)
      var name = try slice.loadRef().beginParse()
      models[String(decoding: try name.loadSnakeBytes(), as: UTF8.self)] = weights
    }
    return models
  }

  /// Decodes the coordinators dictionary, in key order.
  public static func coordinators(from dictionary: HashmapE) throws -> [Coordinator] {
    try dictionary.sorted.map { key, value in
      var slice = value.beginParse()
      let contract = try slice.loadRequiredAddress()
      var endpoint = try slice.loadRef().beginParse()
      return Coordinator(
        publicKey: key.bytes, contract: contract,
        endpoint: String(decoding: try endpoint.loadSnakeBytes(), as: UTF8.self))
    }
  }
}

/// The root contract's storage (`RootStorage` in cocoon.tlb).
public struct RootContractState: Sendable, Hashable {
  /// The sequence of the last update (0 when deployed).
  public var sequence: UInt64
  /// The owner's Ed25519 public key: it signs updates.
  public var ownerKey: [UInt8]
  public var registry: Registry

  public init(sequence: UInt64 = 0, ownerKey: [UInt8], registry: Registry) {
    self.sequence = sequence
    self.ownerKey = ownerKey
    self.registry = registry
  }

  /// The data cell.
  public func dataCell() throws -> Cell {
    var builder = CellBuilder()
    try builder.storeUInt(sequence, bits: 64)
    try builder.storeBytes(ownerKey)
    try builder.storeRef(try registry.cell())
    return try builder.endCell()
  }

  /// The deploy state of the root contract.
  public func stateInit() throws -> StateInit { try CocoonContract.root.stateInit(data: dataCell()) }
}
