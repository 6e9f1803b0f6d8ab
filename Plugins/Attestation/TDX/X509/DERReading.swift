import Foundation
import SwiftASN1

/// Small DER helpers: children of a SEQUENCE, and ASN.1 times as `Date` without a calendar (UTC).
enum DERReading {
  /// The children of a constructed node with `identifier`.
  static func children(_ node: ASN1Node, _ identifier: ASN1Identifier = .sequence) throws -> [ASN1Node] {
    guard node.identifier == identifier, case .constructed(let nodes) = node.content else {
      throw ASN1Error.unexpectedFieldType(node.identifier)
    }
    return Array(nodes)
  }

  /// Reads a UTCTime or GeneralizedTime node.
  static func date(_ node: ASN1Node) throws -> Date {
    switch node.identifier {
    case .utcTime:
      let time = try UTCTime(derEncoded: node)
      return date(time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
    case .generalizedTime:
      let time = try GeneralizedTime(derEncoded: node)
      return date(time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
    default:
      throw ASN1Error.unexpectedFieldType(node.identifier)
    }
  }

  /// Seconds since 1970 for a civil UTC date (Howard Hinnant's days-from-civil).
  static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
  }
}
