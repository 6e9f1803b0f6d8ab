public import CocoonAccounting
public import CocoonCore
import CocoonWire
import Foundation
import Logging
import SwiftProtobuf

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
  func hello(for endpoint: Endpoint) async throws -> Cocoon_Wire_ClientParams {
    let proof = try ClientLedgerProof.make(signer: signer, network: network.networkID)
    let coordinator = try? await network.registry().coordinators.first { $0.endpoint == "\(endpoint)" }
    var last: PaymentVoucher?
    if let coordinator { last = await wallet.latest(from: coordinator.address, kind: .clientCharge) }
    return .with {
      $0.ledgerAddress = proof.address
      $0.ledgerPublicKey = proof.publicKey
      $0.signedAtUnixMs = proof.signedAt
      $0.ledgerSignature = proof.signature
      if let last { $0.lastVoucher = Cocoon_Wire_SignedVoucher(last) }
    }
  }

  /// The receiver for the coordinator that acknowledged the handshake; nil when it does not charge.
  func receiver(for ack: Cocoon_Wire_HelloAck) async throws -> VoucherReceiver? {
    guard !ack.coordinatorLedgerAddress.isEmpty else { return nil }
    guard ack.networkID == network.networkID else {
      throw CocoonError(
        .wrongBinding, "the coordinator settles on network '\(ack.networkID)'; this client's ledger is '\(network.networkID)'")
    }
    return try await VoucherReceiver.make(
      coordinator: ack.coordinatorLedgerAddress, key: ack.coordinatorPublicKey, network: network,
      counterparty: signer.address, kinds: [.clientCharge], wallet: wallet)
  }
}

extension VoucherReceiver {
  /// Stores a voucher that came with an answer, logging (not throwing) when it is refused: the answer itself
  /// is good, and the client's last good voucher still bounds what it owes.
  func keep(_ wire: Cocoon_Wire_SignedVoucher, logger: Logger) async {
    do {
      if try await receive(try wire.paymentVoucher()) == .stale { logger.debug("an older voucher arrived late; kept the newer") }
    } catch {
      logger.error("refused the coordinator's voucher", metadata: ["reason": "\(error)"])
    }
  }
}
