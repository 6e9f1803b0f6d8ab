import CocoonCore
import Foundation

/// Intel's TCB info for one FMSPC (version 3, `id` "TDX"), the signed JSON in the collateral.
struct TCBInfo: Decodable, Sendable {
  struct Component: Decodable, Sendable { var svn: UInt8 }

  struct TCB: Decodable, Sendable {
    var sgxtcbcomponents: [Component]
    var pcesvn: UInt16
    var tdxtcbcomponents: [Component]?
  }

  struct Level: Decodable, Sendable {
    var tcb: TCB
    var tcbStatus: String
    var advisoryIDs: [String]?
  }

  struct ModuleTCB: Decodable, Sendable { var isvsvn: UInt16 }

  struct ModuleLevel: Decodable, Sendable {
    var tcb: ModuleTCB
    var tcbStatus: String
    var advisoryIDs: [String]?
  }

  struct ModuleIdentity: Decodable, Sendable {
    var id: String
    var mrsigner: String
    var attributes: String
    var attributesMask: String
    var tcbLevels: [ModuleLevel]
  }

  var id: String
  var version: Int
  var issueDate: String
  var nextUpdate: String
  var fmspc: String
  var pceId: String
  var tcbLevels: [Level]
  var tdxModuleIdentities: [ModuleIdentity]?
}

/// Intel's QE identity (`id` "TD_QE" for TDX), the signed JSON in the collateral.
struct QEIdentity: Decodable, Sendable {
  struct TCB: Decodable, Sendable { var isvsvn: UInt16 }

  struct Level: Decodable, Sendable {
    var tcb: TCB
    var tcbStatus: String
    var advisoryIDs: [String]?
  }

  var id: String
  var version: Int
  var issueDate: String
  var nextUpdate: String
  var miscselect: String
  var miscselectMask: String
  var attributes: String
  var attributesMask: String
  var mrsigner: String
  var isvprodid: UInt16
  var tcbLevels: [Level]
}

/// Parses Intel's `yyyy-MM-ddTHH:mm:ssZ` timestamps.
enum IntelDate {
  static func parse(_ text: String) -> Date? {
    let digits = text.utf8.map { Int($0) - 48 }
    guard text.utf8.count == 20, text.hasSuffix("Z") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        guard (0...9).contains(digits[i]) else { return nil }
        value = value * 10 + digits[i]
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
    else { return nil }
    return DERReading.date(year, month, day, hour, minute, second)
  }
}

extension TCBStatus {
  /// Maps Intel's status strings; unknown strings are treated as `Revoked`, the worst.
  init(intel text: String) {
    self = TCBStatus(rawValue: text) ?? .revoked
  }
}
