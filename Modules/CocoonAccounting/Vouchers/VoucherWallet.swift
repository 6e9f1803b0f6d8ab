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

  /// Verifies `voucher` against `expected` and the latest stored one, then stores it durably: it returns once a
  /// file write that includes it has completed. Concurrent calls share writes (while one write runs, the next
  /// takes every voucher accepted meanwhile), so a busy client or node does not queue one fsync per voucher.
  /// - Throws: the verifier's ``CocoonError`` (nothing is stored then), or `io` when the file cannot be written
  ///   (the voucher stays the latest in memory and the next write retries).
  public func accept(_ voucher: PaymentVoucher, expected: VoucherVerifier.Expectation) async throws {
    let key = Self.key(voucher.coordinator, voucher.kind == .finalCharge ? .clientCharge : voucher.kind)
    try VoucherVerifier.verify(voucher, expected, after: contents.vouchers[key])
    contents.vouchers[key] = voucher
    generation += 1
    try await persist(upTo: generation)
  }

  /// Changes made in memory so far, and how many of them are on disk.
  private var generation = 0
  private var persisted = 0
  /// The write in flight: which changes it covers.
  private var writing: (id: Int, task: Task<Void, any Error>, covered: Int)?
  private var writes = 0

  /// Waits until the file holds at least change `target`, writing it if no write in flight will. Whoever resumes
  /// first after a write clears it, so no waiter spins on a finished write.
  private func persist(upTo target: Int) async throws {
    while persisted < target {
      if let current = writing {
        let result = await current.task.result
        if writing?.id == current.id { writing = nil }
        if case .success = result { persisted = max(persisted, current.covered) }
        continue  // covered now, or a failed or older write: loop (and write ourselves if still behind)
      }
      let snapshot = contents
      let covered = generation
      let path = self.path
      writes += 1
      let id = writes
      let task = Task.detached {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(snapshot), to: path)
      }
      writing = (id, task, covered)
      let result = await task.result
      if writing?.id == id { writing = nil }
      try result.get()
      persisted = max(persisted, covered)
    }
  }

  private static func key(_ coordinator: String, _ kind: PaymentVoucher.Kind) -> String {
    "\(coordinator)/\(kind.rawValue)"
  }
}
