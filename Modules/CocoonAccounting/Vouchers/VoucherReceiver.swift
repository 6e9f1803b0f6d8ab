public import CocoonCore
public import Foundation

/// A client's or node's side of one coordinator's vouchers: checks each voucher it receives against the
/// coordinator as the ledger lists it, and keeps the newest on disk in the ``VoucherWallet``.
public struct VoucherReceiver: Sendable {
  public let wallet: VoucherWallet
  public let expectation: VoucherVerifier.Expectation
  /// Called with each voucher once it is stored as the latest (a node cashes its earnings from here).
  public var onStored: (@Sendable (PaymentVoucher) async -> Void)?

  public init(wallet: VoucherWallet, expectation: VoucherVerifier.Expectation) {
    self.wallet = wallet
    self.expectation = expectation
  }

  /// Binds to the coordinator that identified itself in a handshake, after checking it settles on this ledger
  /// (`claimedNetwork`) and the ledger's registry lists that address with that key.
  /// - Throws: ``CocoonError`` `wrongBinding` when the network differs or the registry does not list it so.
  public static func make(
    coordinator: String, key: Data, claimedNetwork: String, network: any PaymentNetwork, counterparty: String,
    kinds: Set<PaymentVoucher.Kind>, wallet: VoucherWallet
  ) async throws -> VoucherReceiver {
    guard claimedNetwork == network.networkID else {
      throw CocoonError(
        .wrongBinding,
        "the coordinator settles on network '\(claimedNetwork)', not on this ledger's '\(network.networkID)'")
    }
    let registered = try await network.registry().coordinators.first { $0.address == coordinator }
    guard let registered else {
      throw CocoonError(
        .wrongBinding, "coordinator \(coordinator) is not in the ledger's registry; its vouchers could not be cashed")
    }
    guard registered.publicKey == key else {
      throw CocoonError(.wrongBinding, "coordinator \(coordinator) presented a key that differs from the registry's")
    }
    return VoucherReceiver(
      wallet: wallet,
      expectation: VoucherVerifier.Expectation(
        network: network.networkID, coordinator: coordinator, coordinatorKey: key, counterparty: counterparty,
        kinds: kinds, signingBytes: { try network.voucherSigningBytes($0) }))
  }

  /// The outcome of receiving a voucher.
  public enum Outcome: Sendable, Equatable {
    /// Verified and stored: it is now the latest.
    case stored
    /// Verified signature aside, older than the stored one (answers finishing out of order); not stored.
    case stale
  }

  /// Verifies and stores `voucher`.
  /// - Throws: the verifier's ``CocoonError`` for a voucher that is forged, for someone else, or lower than the
  ///   stored one at a higher sequence; nothing is stored then.
  @discardableResult
  public func receive(_ voucher: PaymentVoucher) async throws -> Outcome {
    do {
      try await wallet.accept(voucher, expected: expectation)
      await onStored?(voucher)
      return .stored
    } catch let error as CocoonError where error.code == .voucherReplayed {
      return .stale
    }
  }
}
