import BigInt
import Foundation
import TON
import TONCenter
import TONEmulator

/// Converts chain values to the TON Center v2 wire shapes.
enum TONCenterEncoding {
  static let zeroHash = ByteEncoding.base64([UInt8](repeating: 0, count: 32))

  static func addressInformation(_ shard: ShardAccount) throws -> TONCenterModels.AddressInformation {
    let id = TONCenterModels.TransactionID(
      lt: String(shard.lastTransactionLT), hash: ByteEncoding.base64(shard.lastTransactionHash))
    guard let info = try shard.info else {
      return .init(balance: "0", code: "", data: "", lastTransactionID: id, state: "uninitialized", syncUtime: now)
    }
    var code = ""
    var data = ""
    if case .active(let codeCell, let dataCell) = info.state {
      code = codeCell?.toBoCBase64() ?? ""
      data = dataCell?.toBoCBase64() ?? ""
    }
    return .init(balance: String(info.balance), code: code, data: data, lastTransactionID: id, state: info.statusName, syncUtime: now)
  }

  static var now: Int { Int(Date.now.timeIntervalSince1970) }

  static func message(_ cell: Cell) throws -> TONCenterModels.Message {
    let info = try MessageInfo(cell: cell)
    return .init(
      source: info.source?.raw ?? "", destination: info.destination?.raw ?? "", value: String(info.value),
      fwdFee: String(info.forwardFee), createdLT: String(info.createdLT), boc: cell.toBoCBase64())
  }

  static func transaction(_ transaction: TransactionInfo) throws -> TONCenterModels.Transaction {
    .init(
      utime: Int(transaction.now), data: transaction.cell.toBoCBase64(),
      transactionID: .init(lt: String(transaction.lt), hash: ByteEncoding.base64(transaction.hash)),
      fee: String(transaction.totalFees), storageFee: String(transaction.storageFees),
      inMsg: try transaction.inMessage.map(message), outMsgs: try transaction.outMessages.map(message))
  }

  /// `["num", "0x…"]`, `["cell", base64]`, `["slice", base64]`, `["builder", base64]`, `["null", ""]`, `["nan", ""]`.
  static func stackEntry(_ value: TVMValue) -> [String] {
    switch value {
    case .null: ["null", ""]
    case .nan: ["nan", ""]
    case .int(let number): ["num", (number.sign == .minus ? "-0x" : "0x") + String(number.magnitude, radix: 16)]
    case .cell(let cell): ["cell", cell.toBoCBase64()]
    case .slice(let cell): ["slice", cell.toBoCBase64()]
    case .builder(let cell): ["builder", cell.toBoCBase64()]
    case .tuple(let items): ["tuple", String(items.count)]
    }
  }

  /// Reads request stack entries: `["num", "123" | "0x7b"]`, `["tvm.Cell" | "cell", base64]`, `["tvm.Slice" | "slice", base64]`.
  static func stackValue(_ entry: [String]) throws -> TVMValue {
    guard entry.count == 2 else { throw TONError(.invalidValue, "a stack entry is [type, value]") }
    let (type, value) = (entry[0], entry[1])
    switch type {
    case "num", "int":
      let negative = value.hasPrefix("-")
      let digits = negative ? String(value.dropFirst()) : value
      let parsed = digits.hasPrefix("0x") ? BigInt(String(digits.dropFirst(2)), radix: 16) : BigInt(digits, radix: 10)
      guard let number = parsed else { throw TONError(.invalidValue, "'\(value)' is not a number (decimal or 0x hex)") }
      return .int(negative ? -number : number)
    case "tvm.Cell", "cell": return .cell(try Cell.fromBoC(value))
    case "tvm.Slice", "slice": return .slice(try Cell.fromBoC(value))
    case "null": return .null
    default: throw TONError(.invalidValue, "stack entry type '\(type)' is not accepted; use num, cell or slice")
    }
  }
}
