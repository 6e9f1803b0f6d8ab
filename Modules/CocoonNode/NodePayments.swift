public import CocoonAccounting
public import CocoonCore
import CocoonWire
import Foundation
public import Logging

/// The node's side of payments: names the ledger address its earnings go to, presents each coordinator's latest
/// earning voucher when it connects, and verifies and keeps the new ones. `cocoon-node payout` cashes them, and so
/// does the node by itself once enough is unpaid when the ledger's ``SettlementPolicy`` sets a payout threshold.
public struct NodePayments: Sendable {
  public let network: any PaymentNetwork
  public let signer: any LedgerSigner
  public let wallet: VoucherWallet
  /// Basis points: 10000 = ×1.0.
  public let priceCoefficient: UInt64
  /// Cashes earnings past the policy's threshold; nil when the ledger leaves cashing to `cocoon-node payout`.
  /// A service: run it beside the coordinator links (``NodeRole`` does).
  public let autoPayout: NodeAutoPayout?

  public init(
    network: any PaymentNetwork, signer: any LedgerSigner, wallet: VoucherWallet,
    priceCoefficient: UInt64 = Prices.basisPointsPerUnit, payoutRetryDelay: Duration = .seconds(30),
    logger: Logger = Logger(label: "cocoon.node.payout")
  ) {
    self.network = network
    self.signer = signer
    self.wallet = wallet
    self.priceCoefficient = priceCoefficient
    let policy = network.settlementPolicy
    autoPayout =
      policy.nodePayoutThreshold == nil
      ? nil
      : NodeAutoPayout(
        network: network, node: signer.address, policy: policy, retryDelay: payoutRetryDelay, logger: logger)
  }

  /// Fills the payment part of the node's handshake for `endpoint`.
  func fill(_ params: inout NodeHello, for endpoint: Endpoint) async {
    params.ledgerAddress = signer.address
    params.priceCoefficient = priceCoefficient
    let coordinator = try? await network.registry().coordinators.first { $0.endpoint == "\(endpoint)" }
    if let coordinator, let last = await wallet.latest(from: coordinator.address, kind: .nodeEarning) {
      params.lastVoucher = last
    }
  }

  /// The receiver for the coordinator that acknowledged the handshake; nil when it does not pay.
  func receiver(for ack: HelloAcknowledgement) async throws -> VoucherReceiver? {
    guard let ledger = ack.ledger else { return nil }
    var receiver = try await VoucherReceiver.make(
      coordinator: ledger.address, key: ledger.publicKey, claimedNetwork: ack.networkID, network: network,
      counterparty: signer.address, kinds: [.nodeEarning], wallet: wallet)
    if let autoPayout {
      receiver.onStored = { voucher in await autoPayout.consider(voucher) }
    }
    return receiver
  }
}
