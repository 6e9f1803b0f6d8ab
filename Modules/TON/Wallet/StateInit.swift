/// A contract's initial state (`StateInit` with code and data, no split depth, special or libraries).
public struct StateInit: Sendable, Hashable {
  /// The contract code.
  public let code: Cell
  /// The contract's initial persistent data.
  public let data: Cell

  /// Creates a state init.
  public init(code: Cell, data: Cell) {
    self.code = code
    self.data = data
  }

  /// The `StateInit` cell: `0 0 1 ^code 1 ^data 0`.
  public func cell() throws -> Cell {
    var builder = CellBuilder()
    try builder.storeUInt(0b00110, bits: 5)
    try builder.storeRef(code)
    try builder.storeRef(data)
    return try builder.endCell()
  }

  /// The address of the contract this state deploys: the state init's hash in `workchain`.
  public func address(workchain: Int32 = 0) throws -> Address {
    try Address(workchain: workchain, hash: cell().hash)
  }

  /// Reads a `StateInit` cell (split depth, special and libraries must be absent).
  public init(cell: Cell) throws {
    var slice = cell.beginParse()
    guard try slice.loadUInt(bits: 2) == 0 else {
      throw TONError(.invalidCell, "state inits with split_depth or special are not accepted")
    }
    guard let code = try slice.loadMaybeRef(), let data = try slice.loadMaybeRef() else {
      throw TONError(.invalidCell, "a state init needs both code and data")
    }
    guard try !slice.loadBit() else { throw TONError(.invalidCell, "state inits with libraries are not accepted") }
    self.init(code: code, data: data)
  }
}
