import CocoonCore
import Foundation

/// The wallet order in flight, kept on disk from before it is sent until it is confirmed or can no longer apply, so
/// a crash between send and confirmation never sends (and pays) the same operation twice.
struct PendingOrder: Codable, Sendable, Hashable {
  /// What the order does (operation, contract, amount or voucher sequence): a repeated call with the same key after
  /// a crash completes the journaled order instead of sending a new one.
  var key: String
  /// The wallet seqno the order was signed for: it applies at most once, and only while the wallet is at it.
  var seqno: UInt32
  /// After this unix time the order can never apply.
  var validUntil: UInt32
  /// The query id in the message body.
  var queryID: UInt64
  /// The external message, base64 BoC (re-sent as is: the wallet's seqno makes it apply at most once).
  var message: String
  /// The destination contract (raw address).
  var destination: String
}

/// One file per wallet holding its pending order (at most one: a wallet's orders are sent one at a time).
struct TONSendJournal: Sendable {
  let path: String

  func load() throws -> PendingOrder? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    do {
      return try JSONDecoder().decode(PendingOrder.self, from: data)
    } catch {
      throw CocoonError(.io, "the TON send journal \(path) is unreadable; inspect it before removing it")
    }
  }

  func save(_ order: PendingOrder) throws {
    do {
      try FileManager.default.createDirectory(
        atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
      try JSONEncoder().encode(order).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CocoonError(.io, "cannot write the TON send journal \(path)")
    }
  }

  func clear() throws {
    guard FileManager.default.fileExists(atPath: path) else { return }
    do { try FileManager.default.removeItem(atPath: path) } catch {
      throw CocoonError(.io, "cannot clear the TON send journal \(path)")
    }
  }
}
