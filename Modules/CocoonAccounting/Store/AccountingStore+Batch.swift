public import CocoonCore
import GRDB

/// A request to admit, for ``AccountingStore/reserve(_:)``.
public struct Reservation: Hashable, Sendable {
  public var client: String
  public var requestID: String
  public var maxCost: NanoAmount

  public init(client: String, requestID: String, maxCost: NanoAmount) {
    self.client = client
    self.requestID = requestID
    self.maxCost = maxCost
  }
}

extension AccountingStore {
  /// Admits many requests in one transaction (one fsync: group commit for a busy request path). Each is applied
  /// in its own savepoint and judged against the reservations before it, so one that is refused changes nothing
  /// and does not stop the others.
  public func reserve(_ reservations: [Reservation]) async throws -> [Result<Void, any Error>] {
    let minimumStake = self.minimumStake
    return try await pool.write { db in
      reservations.map { reservation in
        Result {
          try db.inSavepoint {
            try Self.reserve(reservation, minimumStake: minimumStake, in: db)
            return .commit
          }
        }
      }
    }
  }

  /// Settles many requests in one transaction (one fsync: group commit for a busy request path). Each report is
  /// applied in its own savepoint, so one that fails (unknown request, bad usage) changes nothing and does not
  /// stop the others. Vouchers are returned only after the transaction committed.
  public func settle(_ reports: [UsageReport]) async throws -> [Result<Settlement, any Error>] {
    let prices = currentPrices
    let signer = VoucherSigner(key: self.signer, bytes: voucherSigningBytes)
    let network = self.network
    return try await pool.write { db in
      reports.map { report in
        Result {
          var settlement: Settlement?
          try db.inSavepoint {
            settlement = try Self.settle(report, prices: prices, signer: signer, network: network, in: db)
            return .commit
          }
          return settlement!
        }
      }
    }
  }

}
