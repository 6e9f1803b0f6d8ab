public import CocoonCore
import Foundation

extension Cocoon_Wire_SignedVoucher {
  /// The wire form of a signed voucher.
  public init(_ voucher: PaymentVoucher) {
    self.init()
    kind = voucher.kind.rawValue
    network = voucher.network
    coordinator = voucher.coordinator
    counterparty = voucher.counterparty
    sequence = voucher.sequence
    amountNano = voucher.amount.rawValue
    signature = voucher.signature
  }

  /// The voucher it carries (its signature is not checked here).
  /// - Throws: ``CocoonError`` `invalidArgument` for an unknown kind.
  public func paymentVoucher() throws -> PaymentVoucher {
    guard let kind = PaymentVoucher.Kind(rawValue: kind) else {
      throw CocoonError(.invalidArgument, "unknown voucher kind '\(self.kind)'; expected client-charge, node-earning or final-charge")
    }
    return PaymentVoucher(
      kind: kind, network: network, coordinator: coordinator, counterparty: counterparty, sequence: sequence,
      amount: NanoAmount(amountNano), signature: signature)
  }
}
