import BigInt
import CocoonTONContracts
import TON
import TONEmulator
import Testing

/// Gas used per operation, printed for the README's table and bounded (generously) so regressions show.
func expectGas(
  _ transaction: TransactionInfo?, _ operation: String, below bound: UInt64,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let gas = transaction?.gasUsed ?? 0
  print("gas \(operation): \(gas) gas, \(transaction?.totalFees ?? 0) nanoTON fees")
  #expect(
    transaction?.computeSuccess == true, "\(operation) failed with exit code \(transaction?.exitCode ?? -1)",
    sourceLocation: sourceLocation)
  #expect(gas > 0 && gas < bound, "\(operation) used \(gas) gas", sourceLocation: sourceLocation)
}

extension ContractChain {
  /// Runs `action` and expects `contract` to refuse it with `code`, its data and balance unchanged (but for storage
  /// fees) and the value bounced to the sender.
  @discardableResult
  func expectRefusal(
    _ code: ContractExitCode, on contract: Address, sourceLocation: SourceLocation = #_sourceLocation,
    _ action: () throws -> Trace
  ) throws -> Trace {
    let data = try self.data(contract)
    let balance = try self.balance(contract)
    let trace = try action()
    let refused = trace.on(contract)
    #expect(
      refused?.exitCode == code.rawValue, "exit code \(refused?.exitCode ?? -1), expected \(code)",
      sourceLocation: sourceLocation)
    #expect(refused?.computeSuccess == false, sourceLocation: sourceLocation)
    #expect(try self.data(contract) == data, "the data changed", sourceLocation: sourceLocation)
    // Only storage fees (for the time since the last transaction) may leave; the refused value bounces whole.
    #expect(
      try self.balance(contract) + (refused?.storageFees ?? 0) == balance, "the balance changed",
      sourceLocation: sourceLocation)
    let bounced = trace.steps.contains { $0.message.bounced && $0.message.source == contract }
    #expect(bounced, "the refused value did not bounce", sourceLocation: sourceLocation)
    return trace
  }
}
