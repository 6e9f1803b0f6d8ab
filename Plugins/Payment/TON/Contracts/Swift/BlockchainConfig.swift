import BigInt
public import TON

/// Edits of a blockchain config (the `ConfigParams` dictionary root, `Hashmap 32 ^Cell`).
public enum BlockchainConfig {
  /// `config` with parameter 19 (`global_id:int32`) set: the contracts read the network from it.
  public static func settingGlobalID(_ globalID: Int32, in config: Cell) throws -> Cell {
    var dictionary = try HashmapE(keyBits: 32, root: config)
    var parameter = CellBuilder()
    try parameter.storeInt(Int64(globalID), bits: 32)
    var value = CellBuilder()
    try value.storeRef(try parameter.endCell())
    try dictionary.set(try BitString(19, bits: 32), try value.endCell())
    guard let root = try dictionary.rootCell() else { throw TONError(.invalidValue, "the config is empty") }
    return root
  }

  /// Parameter 19 of `config`, if set.
  public static func globalID(in config: Cell) throws -> Int32? {
    let dictionary = try HashmapE(keyBits: 32, root: config)
    guard let value = try dictionary.get(try BitString(19, bits: 32)) else { return nil }
    var slice = value.beginParse()
    var parameter = try slice.loadRef().beginParse()
    return Int32(try parameter.loadInt(bits: 32))
  }
}
