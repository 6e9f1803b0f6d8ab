public import BigInt
public import TON

extension TONCenterClient {
  /// getAddressInformation: balance, state, code, data, last transaction.
  public func addressInformation(_ address: Address) async throws -> TONCenterModels.AddressInformation {
    try await call("getAddressInformation", query: [("address", address.raw)])
  }

  /// The balance in nanoTON.
  public func balance(_ address: Address) async throws -> BigUInt {
    let info = try await addressInformation(address)
    guard let value = BigUInt(info.balance) else {
      throw TONCenterError(.decoding, "the balance '\(info.balance)' is not a decimal integer")
    }
    return value
  }

  /// getWalletInformation.
  public func walletInformation(_ address: Address) async throws -> TONCenterModels.WalletInformation {
    try await call("getWalletInformation", query: [("address", address.raw)])
  }

  /// runGetMethod.
  public func runGetMethod(_ address: Address, method: String, stack: [[String]] = []) async throws -> TONCenterModels.GetMethodResult {
    try await call("runGetMethod", body: TONCenterModels.GetMethodRequest(address: address.raw, method: method, stack: stack))
  }

  /// sendBoc: submits an external message.
  public func sendBoc(_ message: Cell) async throws {
    let _: TONCenterModels.OK = try await call("sendBoc", body: TONCenterModels.BoCRequest(boc: message.toBoCBase64()))
  }

  /// sendBocReturnHash: submits an external message and returns its hash (base64).
  public func sendBocReturnHash(_ message: Cell) async throws -> String {
    let result: TONCenterModels.MessageHash = try await call(
      "sendBocReturnHash", body: TONCenterModels.BoCRequest(boc: message.toBoCBase64()))
    return result.hash
  }

  /// getTransactions, newest first.
  public func transactions(_ address: Address, limit: Int = 20, lt: String? = nil, hash: String? = nil) async throws
    -> [TONCenterModels.Transaction]
  {
    var query = [("address", address.raw), ("limit", String(limit))]
    if let lt { query.append(("lt", lt)) }
    if let hash { query.append(("hash", hash)) }
    return try await call("getTransactions", query: query)
  }

  /// estimateFee for an external message body (and state init when deploying).
  public func estimateFee(_ address: Address, body: Cell, stateInit: StateInit? = nil) async throws -> TONCenterModels.FeeEstimate {
    try await call(
      "estimateFee",
      body: TONCenterModels.EstimateFeeRequest(
        address: address.raw, body: body.toBoCBase64(), initCode: stateInit?.code.toBoCBase64() ?? "",
        initData: stateInit?.data.toBoCBase64() ?? ""))
  }

  /// getMasterchainInfo.
  public func masterchainInfo() async throws -> TONCenterModels.MasterchainInfo {
    try await call("getMasterchainInfo")
  }

  /// The sandbox faucet (`POST /faucet`, only on `cocoon-ton-sandbox`); returns the funding transaction's hash.
  public func sandboxFund(_ address: Address, nanotons: BigUInt) async throws -> String {
    let result: TONCenterModels.MessageHash = try await call(
      "faucet", body: TONCenterModels.FaucetRequest(address: address.raw, amount: String(nanotons)))
    return result.hash
  }

  /// The wallet's seqno through its `seqno` get-method (0 for an account that is not deployed).
  public func seqno(_ address: Address) async throws -> UInt32 {
    let info = try await addressInformation(address)
    guard info.state == "active" else { return 0 }
    let result = try await runGetMethod(address, method: "seqno")
    guard result.exitCode == 0 || result.exitCode == 1, let entry = result.stack.first, entry.count == 2, entry[0] == "num",
      let value = UInt32(entry[1].hasPrefix("0x") ? String(entry[1].dropFirst(2)) : entry[1], radix: entry[1].hasPrefix("0x") ? 16 : 10)
    else {
      throw TONCenterError(.decoding, "the seqno get-method returned \(result.stack) with exit code \(result.exitCode)")
    }
    return value
  }
}
