/// The type of a cell: ordinary, or one of the four exotic types.
public enum CellKind: Int, Hashable, Sendable, CustomStringConvertible {
  /// An ordinary data cell.
  case ordinary = -1
  /// A pruned branch (exotic type 1): stands for a removed subtree by its hashes and depths.
  case prunedBranch = 1
  /// A library reference (exotic type 2): the hash of a library cell.
  case libraryReference = 2
  /// A Merkle proof (exotic type 3).
  case merkleProof = 3
  /// A Merkle update (exotic type 4).
  case merkleUpdate = 4

  /// Whether the cell is exotic.
  public var isExotic: Bool { self != .ordinary }

  /// Whether the children of this cell are one level deeper (Merkle cells).
  var isMerkle: Bool { self == .merkleProof || self == .merkleUpdate }

  public var description: String {
    switch self {
    case .ordinary: "ordinary"
    case .prunedBranch: "pruned branch"
    case .libraryReference: "library reference"
    case .merkleProof: "Merkle proof"
    case .merkleUpdate: "Merkle update"
    }
  }
}
