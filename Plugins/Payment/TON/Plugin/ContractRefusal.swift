import CocoonAccounting
import CocoonCore
import CocoonTONContracts
import TON

/// Turns a contract's refusal (its compute phase's exit code, see the contracts' README) into a ``CocoonError`` with
/// the codes the ``PaymentNetwork`` contract uses.
enum ContractRefusal {
  /// Throws unless `transaction` ran its compute phase successfully.
  static func check(_ transaction: TransactionInfo?, _ operation: String) throws {
    guard let transaction else { return }
    if transaction.computeSuccess == true, transaction.aborted != true { return }
    throw error(exitCode: transaction.exitCode, operation)
  }

  static func error(exitCode: Int32?, _ operation: String) -> CocoonError {
    guard let exitCode, let known = ContractExitCode(rawValue: exitCode) else {
      return CocoonError(
        .paymentRefused, "the contract refused \(operation) (exit code \(exitCode.map(String.init) ?? "none"))")
    }
    let (code, reason): (CocoonError.Code, String) =
      switch known {
      case .notOwner: (.badSignature, "the sender is not the contract's owner")
      case .badSignature: (.badSignature, "the signature does not verify under the coordinator's key")
      case .wrongKind, .wrongAddress: (.wrongBinding, "the signed payload is for another operation or contract")
      case .wrongNetwork: (.wrongBinding, "the signed payload is for another network")
      case .replayed: (.voucherReplayed, "the sequence is not above the last one (replay)")
      case .amountDecreased: (.voucherAmountDecreased, "the cumulative amount is below the last one")
      case .insufficientFunds: (.insufficientFunds, "not enough funds (balance, stake or coordinator funds)")
      case .wrongState: (.accountClosed, "the contract is closed or not in a phase that allows it")
      case .lowValue: (.invalidArgument, "the message carried too little value for fees")
      case .tooEarly: (.paymentRefused, "the close delay has not passed")
      case .clientsOpen: (.paymentRefused, "client contracts are still open")
      case .nodesUnpaid: (.paymentRefused, "nodes were not paid all that was vouched")
      case .expired: (.paymentRefused, "the registry update expired")
      case .notChild, .unknownOp: (.paymentRefused, "the contract does not accept this message")
      }
    return CocoonError(code, "the contract refused \(operation): \(reason) (exit code \(exitCode))")
  }
}
