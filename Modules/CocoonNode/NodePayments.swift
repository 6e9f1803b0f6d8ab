public import CocoonAccounting
public import CocoonCore
import CocoonWire
import Foundation

/// The node's side of payments: names the ledger address its earnings go to, presents each coordinator's latest
/// earning voucher when it connects, and verifies and keeps the new ones (`cocoon-node payout` cashes them).
public struct NodePayments: Sendable {
  public let network: any PaymentNetwork
  public let signer: any LedgerSigner
  public let wallet: VoucherWallet
  /// Basis points: 10000 = ×1.0.
  public let priceCoefficient: UInt64

  public init(
    network: any PaymentNetwork, signer: any LedgerSigner, wallet: VoucherWallet,
    priceCoefficient: UInt64 = Prices.basisPointsPerUnit
  ) {
    self.network = network
    self.signer = signer
    self.wallet = wallet
    self.priceCoefficient = priceCoefficient
  }

  /// Fills the payment part of the node's handshake for `endpoint`.
  func fill(_ params: inout Cocoon_Wire_NodeParams, for endpoint: Endpoint) async {
    params.ledgerAddress = signer.address
    params.priceCoefficient = priceCoefficient
    let coordinator = try? await network.registry().coordinators.first { $0.endpoint == "\(endpoint)" }
    if let coordinator, let last = await wallet.latest(from: coordinator.address, kind: .nodeEarning) {
      params.lastVoucher = Cocoon_Wire_SignedVoucher(last)
    }
  }

  /// The receiver for the coordinator that acknowledged the handshake; nil when it does not pay.
  func receiver(for ack: Cocoon_Wire_HelloAck) async throws -> VoucherReceiver? {
    guard !ack.coordinatorLedgerAddress.isEmpty else { return nil }
    guard ack.networkID == network.networkID else {
      throw CocoonError(
        .wrongBinding, "the coordinator settles on network '\(ack.networkID)'; this node's ledger is '\(network.networkID)'")
    }
    return try await VoucherReceiver.make(
      coordinator: ack.coordinatorLedgerAddress, key: ack.coordinatorPublicKey, network: network,
      counterparty: signer.address, kinds: [.nodeEarning], wallet: wallet)
  }
}
