public import TON

/// The Cocoon TON contracts, assembled from `fift/*.fif` by `Tools/build-contracts` (see `cocoon.tlb`).
public enum CocoonContract: String, CaseIterable, Sendable {
  /// One per client × coordinator: balance, stake, cumulative charges, close delay.
  case client
  /// One per node × coordinator: cumulative payouts.
  case node
  /// One per coordinator: stake, clients' payments, checkpoints, node payouts, close.
  case coordinator
  /// The registry: images, models, coordinators, prices, stakes, delays.
  case root

  /// The code cell.
  public var code: Cell {
    get throws { try Cell.fromBoC(codeBase64) }
  }

  /// The state init of this contract with `data`.
  public func stateInit(data: Cell) throws -> StateInit { StateInit(code: try code, data: data) }
}

/// The operation codes of message bodies (`op:uint32 query_id:uint64 …`).
public enum ContractOp {
  public static let clientTopUp: UInt32 = 0x636c_0001
  public static let clientIncreaseStake: UInt32 = 0x636c_0002
  public static let clientWithdraw: UInt32 = 0x636c_0003
  public static let clientClose: UInt32 = 0x636c_0004
  public static let clientCharge: UInt32 = 0x636c_0005
  public static let clientCloseFinal: UInt32 = 0x636c_0006
  public static let nodePayout: UInt32 = 0x6e64_0001
  public static let coordinatorAddStake: UInt32 = 0x636f_0001
  public static let coordinatorCheckpoint: UInt32 = 0x636f_0002
  public static let coordinatorClose: UInt32 = 0x636f_0003
  /// Sent by a client contract to its coordinator contract.
  public static let coordinatorClientNotify: UInt32 = 0x636f_0010
  /// Sent by a node contract to its coordinator contract.
  public static let coordinatorPayNode: UInt32 = 0x636f_0011
}

/// The value every operation must carry (for gas and forwarding) and the value of a notification.
public enum ContractFees {
  /// 0.05 TON: the least an operation message may carry (on top of a top-up's or stake's amount).
  public static let minimumValue: UInt64 = 50_000_000
  /// 0.03 TON: what a client contract attaches to its opened/closed notification.
  public static let notifyValue: UInt64 = 30_000_000
}

/// The exit codes the contracts throw (see README.md).
public enum ContractExitCode: Int32, Sendable, CaseIterable {
  case unknownOp = 100
  case notOwner = 101
  case lowValue = 102
  case badSignature = 103
  case wrongKind = 104
  case wrongAddress = 105
  case wrongNetwork = 106
  case replayed = 107
  case amountDecreased = 108
  case insufficientFunds = 109
  case wrongState = 110
  case tooEarly = 111
  case clientsOpen = 112
  case expired = 113
  case notChild = 114
  case nodesUnpaid = 115
}

/// Network global ids as config parameter 19 carries them.
public enum NetworkGlobalID {
  public static let mainnet: Int32 = -239
  public static let testnet: Int32 = -3
}
