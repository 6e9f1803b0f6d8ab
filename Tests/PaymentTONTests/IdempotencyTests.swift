import BigInt
import CocoonAccounting
import CocoonCore
import CocoonTONContracts
import Foundation
import TON
import TONCenter
import Testing

@testable import CocoonPaymentTON

@Suite(
  "TON operations are idempotent across a crash between send and confirmation",
  .enabled(if: SandboxFixture.available, SandboxFixture.skipReason))
struct IdempotencyTests {
  @Test(
    "a deposit and a charge journaled then repeated after a restart apply once; the same message re-sent pays nothing")
  func crashBetweenSendAndConfirm() async throws {
    try await SandboxFixture.with { sandbox in
      let coordinator = try await sandbox.network(.coordinator)
      try await coordinator.registerCoordinator(endpoint: "127.0.0.1:9301")
      let client = try await sandbox.network(.client)
      let center = try TONCenterClient(configuration: .sandbox(port: sandbox.port))
      let wallet = try Address(client.walletAddress)
      let amount = NanoAmount(2_000_000_000)

      // The "crashed" process sent the deposit and died before confirming: its order stays journaled.
      let contract = try client.clientContract(
        client: client.walletAddress, coordinator: try await client.coordinatorContract(coordinator.walletAddress),
        generation: 0)
      let value = BigUInt(amount.rawValue)
      _ = try await client.sender.send(
        operationKey: "top-up:\(amount.rawValue):\(contract.address.raw)", destination: contract.address,
        value: value + TONPaymentNetwork.operationValue, stateInit: try contract.initial.stateInit(),
        body: { try ContractBody.amount(ContractOp.clientTopUp, value, queryID: $0) }, stopAfterSending: true)
      let journaled = try #require(try await client.sender.pendingOrder())
      let seqnoAfterCrash = try await center.seqno(wallet)

      // The same external message (same seqno, same query id) sent again is refused by the wallet: nothing moves.
      await #expect(throws: TONCenterError.self) { try await center.sendBoc(try Cell.fromBoC(journaled.message)) }

      // The restarted process repeats the deposit: it completes the journaled order instead of paying again.
      let restarted = try await sandbox.network(.client)
      try await restarted.deposit(
        client: restarted.walletAddress, coordinator: coordinator.walletAddress, amount: amount)
      let account = try await restarted.clientAccount(
        client: restarted.walletAddress, coordinator: coordinator.walletAddress)
      #expect(account.balance == amount)
      #expect(try await center.seqno(wallet) == seqnoAfterCrash)
      #expect(try await restarted.sender.pendingOrder() == nil)

      // A voucher submitted, "crashed" before confirmation and submitted again is charged once, not refused as a replay.
      let unsigned = PaymentVoucher(
        kind: .clientCharge, network: coordinator.networkID, coordinator: coordinator.walletAddress,
        counterparty: client.walletAddress, sequence: 1, amount: NanoAmount(500_000_000))
      let key = try #require(coordinator.signer)
      let signingBytes = try coordinator.voucherSigningBytes(unsigned)
      #expect(signingBytes.count == 32)  // the hash of the contract's charge payload cell
      let voucher = try unsigned.signed(by: key, signingBytes: signingBytes)
      let expectation = VoucherVerifier.Expectation(
        network: coordinator.networkID, coordinator: coordinator.walletAddress, coordinatorKey: key.publicKey,
        counterparty: client.walletAddress)
      try VoucherVerifier.verify(voucher, expectation, after: nil, signingBytes: signingBytes)
      #expect(throws: CocoonError.self) { try VoucherVerifier.verify(voucher, expectation, after: nil) }
      let signed = try await coordinator.signedVoucher(voucher)
      let signature = [UInt8](voucher.signature)
      _ = try await coordinator.sender.send(
        operationKey: "client-charge:1:\(signed.contract.raw)", destination: signed.contract,
        value: TONPaymentNetwork.operationValue,
        body: { try signed.payload.body(op: ContractOp.clientCharge, queryID: $0, signature: signature) },
        stopAfterSending: true)
      let coordinatorAgain = try await sandbox.network(.coordinator)
      // A fresh process does not know the coordinator contract yet: it signs nothing until it has read the chain.
      #expect(throws: CocoonError.self) { try coordinatorAgain.voucherSigningBytes(unsigned) }
      try await coordinatorAgain.submit(voucher)
      #expect(try coordinatorAgain.voucherSigningBytes(unsigned) == signingBytes)
      let charged = try await coordinatorAgain.clientAccount(
        client: client.walletAddress, coordinator: coordinator.walletAddress)
      #expect(charged.charged == voucher.amount)
      #expect(charged.balance.rawValue == amount.rawValue - voucher.amount.rawValue)
      await #expect(throws: CocoonError.self) { try await coordinatorAgain.submit(voucher) }
    }
  }
}
