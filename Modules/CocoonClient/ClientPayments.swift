public import CocoonAccounting
public import CocoonCore
import CocoonWire
import Foundation
import Logging

/// The client's side of payments: proves in each handshake which ledger account pays, presents the latest
/// voucher of that coordinator, and verifies and keeps each new charge voucher that comes with a final answer.
public struct ClientPayments: Sendable {
  public let network: any PaymentNetwork
  public let signer: any LedgerSigner
  public let wallet: VoucherWallet

  public init(network: any PaymentNetwork, signer: any LedgerSigner, wallet: VoucherWallet) {
    self.network = network
    self.signer = signer
    self.wallet = wallet
  }

  /// The handshake parameters for connecting to `endpoint`.
  func hello(for endpoint: Endpoint) async throws -> ClientHello {
    let proof = try ClientLedgerProof.make(signer: signer, network: network.networkID)
    let coordinator = try? await network.registry().coordinators.first { $0.endpoint == "\(endpoint)" }
    var last: PaymentVoucher?
    if let coordinator { last = await wallet.latest(from: coordinator.address, kind: .clientCharge) }
    return ClientHello(proof: proof, lastVoucher: last)
  }

  /// The receiver for the coordinator that acknowledged the handshake; nil when it does not charge.
  func receiver(for ack: HelloAcknowledgement) async throws -> VoucherReceiver? {
    guard let ledger = ack.ledger else { return nil }
    return try await VoucherReceiver.make(
      coordinator: ledger.address, key: ledger.publicKey, claimedNetwork: ack.networkID, network: network,
      counterparty: signer.address, kinds: [.clientCharge], wallet: wallet)
  }
}

extension VoucherReceiver {
  /// Stores a voucher that came with an answer, logging (not throwing) when it is refused: the answer itself
  /// is good, and the client's last good voucher still bounds what it owes.
  func keep(_ voucher: PaymentVoucher, logger: Logger) async {
    do {
      if try await receive(voucher) == .stale { logger.debug("an older voucher arrived late; kept the newer") }
    } catch {
      logger.error("refused the coordinator's voucher", metadata: ["reason": "\(error)"])
    }
  }
}
