import BigInt
import TON

extension SandboxChain {
  /// The network global id (config parameter 19) a sandbox chain runs with when its config sets none. Contracts
  /// that bind signatures to the network (the Cocoon contracts) refuse everything without it; this id is nobody's
  /// real network (mainnet is −239, testnet −3). The `ton-sandbox` payment preset uses the same value.
  public static let defaultGlobalID: Int32 = 0x636f_636e

  /// `config` with parameter 19 set to ``defaultGlobalID`` unless it already has one.
  static func withGlobalID(_ config: Cell) throws -> Cell {
    var dictionary = try HashmapE(keyBits: 32, root: config)
    let key = try BitString(19, bits: 32)
    guard try dictionary.get(key) == nil else { return config }
    var parameter = CellBuilder()
    try parameter.storeInt(Int64(defaultGlobalID), bits: 32)
    var value = CellBuilder()
    try value.storeRef(try parameter.endCell())
    try dictionary.set(key, try value.endCell())
    return try dictionary.rootCell() ?? config
  }
}
