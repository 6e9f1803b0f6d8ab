import BigInt
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TON
import TONCenter
import TONEmulator

/// The TON Center API v2 routes (and the faucet) served by the sandbox under `/api/v2/`.
struct SandboxRoutes: Sendable {
  let chain: SandboxChain

  func register(on router: Router<BasicRequestContext>) {
    get(router, "getAddressInformation") { request in
      try TONCenterEncoding.addressInformation(await chain.account(try address(request)))
    }
    get(router, "getWalletInformation") { request in try await walletInformation(try address(request)) }
    get(router, "getTransactions") { request in
      let limit = min(Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? 10, 100)
      let fromLT = request.uri.queryParameters["lt"].flatMap { UInt64(String($0)) }
      return try await chain.transactions(try address(request), limit: limit, fromLT: fromLT).map(TONCenterEncoding.transaction)
    }
    get(router, "getMasterchainInfo") { _ in
      let seqno = Int(try await chain.blockSeqno())
      let hash = ByteEncoding.base64(Array(String(seqno).utf8).count == 0 ? [] : [UInt8](repeating: UInt8(seqno & 0xFF), count: 32))
      let block = TONCenterModels.BlockID(workchain: -1, shard: "-9223372036854775808", seqno: seqno, rootHash: hash, fileHash: hash)
      let first = TONCenterModels.BlockID(workchain: -1, shard: "-9223372036854775808", seqno: 0, rootHash: TONCenterEncoding.zeroHash, fileHash: TONCenterEncoding.zeroHash)
      return TONCenterModels.MasterchainInfo(last: block, stateRootHash: hash, initBlock: first)
    }
    post(router, "runGetMethod", TONCenterModels.GetMethodRequest.self) { body in
      let stack = try body.stack.map(TONCenterEncoding.stackValue)
      let result = try await chain.runGetMethod(try Address(body.address), method: body.method, stack: stack)
      return TONCenterModels.GetMethodResult(
        gasUsed: Int(result.gasUsed), exitCode: Int(result.exitCode), stack: result.stack.map(TONCenterEncoding.stackEntry))
    }
    post(router, "sendBoc", TONCenterModels.BoCRequest.self) { body in
      _ = try await chain.sendExternal(try Cell.fromBoC(body.boc))
      return TONCenterModels.OK()
    }
    post(router, "sendBocReturnHash", TONCenterModels.BoCRequest.self) { body in
      let message = try Cell.fromBoC(body.boc)
      _ = try await chain.sendExternal(message)
      return TONCenterModels.MessageHash(hash: ByteEncoding.base64(message.hash))
    }
    post(router, "estimateFee", TONCenterModels.EstimateFeeRequest.self) { body in try await estimateFee(body) }
    post(router, "faucet", TONCenterModels.FaucetRequest.self) { body in
      guard let amount = BigUInt(body.amount) else { throw TONError(.invalidValue, "amount is nanoTON as a decimal string") }
      let transaction = try await chain.fund(try Address(body.address), nanotons: amount)
      return TONCenterModels.MessageHash(hash: ByteEncoding.base64(transaction.hash))
    }
  }

  private func address(_ request: Request) throws -> Address {
    guard let text = request.uri.queryParameters["address"] else {
      throw TONError(.invalidAddress, "the address query parameter is required")
    }
    return try Address(String(text))
  }

  private func walletInformation(_ address: Address) async throws -> TONCenterModels.WalletInformation {
    let shard = try await chain.account(address)
    let info = try TONCenterEncoding.addressInformation(shard)
    let code = try shard.info.flatMap { account -> Cell? in
      if case .active(let code, _) = account.state { return code }
      return nil
    }
    let type: String? =
      switch code?.hashHex {
      case WalletCode.v4r2Hash: "wallet v4 r2"
      case WalletCode.v5r1Hash: "wallet v5 r1"
      default: nil
      }
    var seqno: Int?
    var walletID: Int?
    if let type {
      let seqnoResult = try await chain.runGetMethod(address, method: "seqno", stack: [])
      seqno = seqnoResult.stack.first?.integer.flatMap { Int(exactly: $0) }
      let idResult = try await chain.runGetMethod(address, method: "get_subwallet_id", stack: [])
      walletID = idResult.stack.first?.integer.flatMap { Int(exactly: $0) }
      _ = type
    }
    return .init(
      wallet: type != nil, balance: info.balance, accountState: info.state, walletType: type, seqno: seqno,
      walletID: walletID, lastTransactionID: info.lastTransactionID)
  }

  private func estimateFee(_ body: TONCenterModels.EstimateFeeRequest) async throws -> TONCenterModels.FeeEstimate {
    let destination = try Address(body.address)
    var stateInit: StateInit?
    if !body.initCode.isEmpty, !body.initData.isEmpty {
      stateInit = StateInit(code: try Cell.fromBoC(body.initCode), data: try Cell.fromBoC(body.initData))
    }
    let message = try ExternalMessage(destination: destination, stateInit: stateInit, body: Cell.fromBoC(body.body))
    let result = try await chain.dryRun(try message.cell(), ignoreSignatures: body.ignoreChksig)
    guard let transaction = result.transaction else {
      throw TONError(.emulatorFailed, "the message would not be accepted: \(result.error ?? "") exit code \(result.vmExitCode.map(String.init) ?? "none")")
    }
    var forward = BigUInt(0)
    for out in transaction.outMessages { forward += try MessageInfo(cell: out).forwardFee }
    let storage = Int(transaction.storageFees)
    let fees = TONCenterModels.Fees(
      inFwdFee: 0, storageFee: storage, gasFee: Int(transaction.totalFees) - storage, fwdFee: Int(forward))
    return .init(sourceFees: fees, destinationFees: [])
  }

  // MARK: - Plumbing: every answer is {"ok": true, "result": …} or {"ok": false, "error": …, "code": …}.

  private func get<Result: Codable & Sendable>(
    _ router: Router<BasicRequestContext>, _ method: String, _ handler: @escaping @Sendable (Request) async throws -> Result
  ) {
    let route = RouterPath("api/v2/\(method)")
    router.get(route) { request, _ in await Self.respond { try await handler(request) } }
    router.post(route) { request, _ in await Self.respond { try await handler(request) } }
  }

  private func post<Body: Decodable & Sendable, Result: Codable & Sendable>(
    _ router: Router<BasicRequestContext>, _ method: String, _ body: Body.Type,
    _ handler: @escaping @Sendable (Body) async throws -> Result
  ) {
    router.post(RouterPath("api/v2/\(method)")) { request, _ in
      await Self.respond {
        var request = request
        let buffer = try await request.collectBody(upTo: 16 << 20)
        let decoded: Body
        do {
          decoded = try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch {
          throw TONError(.invalidValue, "the request body is not the JSON \(method) expects: \(error)")
        }
        return try await handler(decoded)
      }
    }
  }

  static func respond<Result: Codable & Sendable>(_ work: () async throws -> Result) async -> Response {
    do {
      return json(.ok, TONCenterModels.Envelope(ok: true, result: try await work()))
    } catch let error as TONError {
      let status: HTTPResponse.Status =
        error.code == .emulatorFailed ? .internalServerError : .unprocessableContent
      return json(status, TONCenterModels.Envelope<Result>(ok: false, error: error.reason, code: status.code))
    } catch {
      return json(.internalServerError, TONCenterModels.Envelope<Result>(ok: false, error: "\(error)", code: 500))
    }
  }

  static func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
    let data = (try? JSONEncoder().encode(value)) ?? Data(#"{"ok":false,"error":"encoding failed","code":500}"#.utf8)
    return Response(
      status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }
}
