public import CocoonCore
import Foundation

/// Where a client or node keeps the latest voucher each coordinator gave it: verified on receipt, stored with an
/// atomic, durable file write (JSON), presented again when it reconnects.
public actor VoucherWallet {
  private struct Contents: Codable {
    var vouchers: [String: PaymentVoucher] = [:]
  }

  /// The wallet file.
  public let path: String
  private var contents: Contents

  /// Opens (or starts) the wallet at `path`.
  /// - Throws: ``CocoonError`` `io` if the file exists but cannot be read as a wallet.
  public init(path: String) throws {
    self.path = path
    if let data = FileManager.default.contents(atPath: path) {
      do { contents = try JSONDecoder().decode(Contents.self, from: data) } catch {
        throw CocoonError(.io, "voucher wallet '\(path)' is not a wallet file: \(error)")
      }
    } else {
      contents = Contents()
    }
  }

  /// The latest voucher of `kind` from `coordinator`, if any.
  public func latest(from coordinator: String, kind: PaymentVoucher.Kind) -> PaymentVoucher? {
    contents.vouchers[Self.key(coordinator, kind)]
  }

  /// Every stored voucher, to present on reconnecting.
  public var all: [PaymentVoucher] { contents.vouchers.values.sorted { $0.sequence < $1.sequence } }

  /// Verifies `voucher` against `expected` and the latest stored one, then stores it durably.
  /// - Throws: the verifier's ``CocoonError``; nothing is stored then.
  public func accept(_ voucher: PaymentVoucher, expected: VoucherVerifier.Expectation) throws {
    let key = Self.key(voucher.coordinator, voucher.kind == .finalCharge ? .clientCharge : voucher.kind)
    try VoucherVerifier.verify(voucher, expected, after: contents.vouchers[key])
    var updated = contents
    updated.vouchers[key] = voucher
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try AtomicFile.write(try encoder.encode(updated), to: path)
    contents = updated
  }

  private static func key(_ coordinator: String, _ kind: PaymentVoucher.Kind) -> String {
    "\(coordinator)/\(kind.rawValue)"
  }
}
