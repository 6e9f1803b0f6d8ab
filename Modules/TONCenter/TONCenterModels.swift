/// The wire types of the TON Center API v2, shared by the client and the sandbox server.
///
/// Numbers that can exceed 2^53 (balances, lts) travel as strings, as TON Center sends them.
public enum TONCenterModels {
  /// `{"ok": true, "result": …}` or `{"ok": false, "error": "…", "code": …}`.
  public struct Envelope<Result: Codable & Sendable>: Codable, Sendable {
    public var ok: Bool
    public var result: Result?
    public var error: String?
    public var code: Int?

    public init(ok: Bool, result: Result? = nil, error: String? = nil, code: Int? = nil) {
      self.ok = ok
      self.result = result
      self.error = error
      self.code = code
    }
  }

  /// `internal.transactionId`.
  public struct TransactionID: Codable, Sendable, Hashable {
    public var lt: String
    /// Base64 of the 32-byte transaction hash.
    public var hash: String
    public init(lt: String, hash: String) {
      self.lt = lt
      self.hash = hash
    }
  }

  /// `raw.fullAccountState` (getAddressInformation).
  public struct AddressInformation: Codable, Sendable, Hashable {
    public var balance: String
    /// Base64 BoC of the code, empty when none.
    public var code: String
    /// Base64 BoC of the data, empty when none.
    public var data: String
    public var lastTransactionID: TransactionID
    /// "active", "uninitialized" or "frozen".
    public var state: String
    public var syncUtime: Int

    enum CodingKeys: String, CodingKey {
      case balance, code, data, state
      case lastTransactionID = "last_transaction_id"
      case syncUtime = "sync_utime"
    }

    public init(balance: String, code: String, data: String, lastTransactionID: TransactionID, state: String, syncUtime: Int) {
      self.balance = balance
      self.code = code
      self.data = data
      self.lastTransactionID = lastTransactionID
      self.state = state
      self.syncUtime = syncUtime
    }
  }

  /// getWalletInformation.
  public struct WalletInformation: Codable, Sendable, Hashable {
    public var wallet: Bool
    public var balance: String
    public var accountState: String
    public var walletType: String?
    public var seqno: Int?
    public var walletID: Int?
    public var lastTransactionID: TransactionID

    enum CodingKeys: String, CodingKey {
      case wallet, balance, seqno
      case accountState = "account_state"
      case walletType = "wallet_type"
      case walletID = "wallet_id"
      case lastTransactionID = "last_transaction_id"
    }

    public init(
      wallet: Bool, balance: String, accountState: String, walletType: String?, seqno: Int?, walletID: Int?,
      lastTransactionID: TransactionID
    ) {
      self.wallet = wallet
      self.balance = balance
      self.accountState = accountState
      self.walletType = walletType
      self.seqno = seqno
      self.walletID = walletID
      self.lastTransactionID = lastTransactionID
    }
  }

  /// A message as getTransactions reports it.
  public struct Message: Codable, Sendable, Hashable {
    public var source: String
    public var destination: String
    public var value: String
    public var fwdFee: String
    public var createdLT: String
    /// Base64 BoC of the whole message.
    public var boc: String

    enum CodingKeys: String, CodingKey {
      case source, destination, value, boc
      case fwdFee = "fwd_fee"
      case createdLT = "created_lt"
    }

    public init(source: String, destination: String, value: String, fwdFee: String, createdLT: String, boc: String) {
      self.source = source
      self.destination = destination
      self.value = value
      self.fwdFee = fwdFee
      self.createdLT = createdLT
      self.boc = boc
    }
  }

  /// `raw.transaction`.
  public struct Transaction: Codable, Sendable, Hashable {
    public var utime: Int
    /// Base64 BoC of the transaction.
    public var data: String
    public var transactionID: TransactionID
    /// Total fees in nanoTON.
    public var fee: String
    public var storageFee: String
    public var inMsg: Message?
    public var outMsgs: [Message]

    enum CodingKeys: String, CodingKey {
      case utime, data, fee
      case transactionID = "transaction_id"
      case storageFee = "storage_fee"
      case inMsg = "in_msg"
      case outMsgs = "out_msgs"
    }

    public init(utime: Int, data: String, transactionID: TransactionID, fee: String, storageFee: String, inMsg: Message?, outMsgs: [Message]) {
      self.utime = utime
      self.data = data
      self.transactionID = transactionID
      self.fee = fee
      self.storageFee = storageFee
      self.inMsg = inMsg
      self.outMsgs = outMsgs
    }
  }

  /// runGetMethod's result; stack entries are `["num", "0x…"]`, `["cell", base64]`, `["slice", base64]`, `["null", ""]`.
  public struct GetMethodResult: Codable, Sendable, Hashable {
    public var gasUsed: Int
    public var exitCode: Int
    public var stack: [[String]]

    enum CodingKeys: String, CodingKey {
      case stack
      case gasUsed = "gas_used"
      case exitCode = "exit_code"
    }

    public init(gasUsed: Int, exitCode: Int, stack: [[String]]) {
      self.gasUsed = gasUsed
      self.exitCode = exitCode
      self.stack = stack
    }
  }

  /// runGetMethod's request body.
  public struct GetMethodRequest: Codable, Sendable, Hashable {
    public var address: String
    public var method: String
    public var stack: [[String]]
    public init(address: String, method: String, stack: [[String]]) {
      self.address = address
      self.method = method
      self.stack = stack
    }
  }

  /// sendBoc / sendBocReturnHash request body.
  public struct BoCRequest: Codable, Sendable, Hashable {
    public var boc: String
    public init(boc: String) { self.boc = boc }
  }

  /// sendBocReturnHash's result.
  public struct MessageHash: Codable, Sendable, Hashable {
    /// Base64 of the message cell hash.
    public var hash: String
    public init(hash: String) { self.hash = hash }
  }

  /// sendBoc's result.
  public struct OK: Codable, Sendable, Hashable {
    public var type: String
    enum CodingKeys: String, CodingKey { case type = "@type" }
    public init() { type = "ok" }
  }

  /// estimateFee's request body.
  public struct EstimateFeeRequest: Codable, Sendable, Hashable {
    public var address: String
    public var body: String
    public var initCode: String
    public var initData: String
    public var ignoreChksig: Bool

    enum CodingKeys: String, CodingKey {
      case address, body
      case initCode = "init_code"
      case initData = "init_data"
      case ignoreChksig = "ignore_chksig"
    }

    public init(address: String, body: String, initCode: String = "", initData: String = "", ignoreChksig: Bool = true) {
      self.address = address
      self.body = body
      self.initCode = initCode
      self.initData = initData
      self.ignoreChksig = ignoreChksig
    }
  }

  /// `fees`.
  public struct Fees: Codable, Sendable, Hashable {
    public var inFwdFee: Int
    public var storageFee: Int
    public var gasFee: Int
    public var fwdFee: Int

    enum CodingKeys: String, CodingKey {
      case inFwdFee = "in_fwd_fee"
      case storageFee = "storage_fee"
      case gasFee = "gas_fee"
      case fwdFee = "fwd_fee"
    }

    public init(inFwdFee: Int, storageFee: Int, gasFee: Int, fwdFee: Int) {
      self.inFwdFee = inFwdFee
      self.storageFee = storageFee
      self.gasFee = gasFee
      self.fwdFee = fwdFee
    }
  }

  /// estimateFee's result (`query.fees`).
  public struct FeeEstimate: Codable, Sendable, Hashable {
    public var sourceFees: Fees
    public var destinationFees: [Fees]
    enum CodingKeys: String, CodingKey {
      case sourceFees = "source_fees"
      case destinationFees = "destination_fees"
    }
    public init(sourceFees: Fees, destinationFees: [Fees]) {
      self.sourceFees = sourceFees
      self.destinationFees = destinationFees
    }
  }

  /// `ton.blockIdExt`.
  public struct BlockID: Codable, Sendable, Hashable {
    public var workchain: Int
    public var shard: String
    public var seqno: Int
    public var rootHash: String
    public var fileHash: String
    enum CodingKeys: String, CodingKey {
      case workchain, shard, seqno
      case rootHash = "root_hash"
      case fileHash = "file_hash"
    }
    public init(workchain: Int, shard: String, seqno: Int, rootHash: String, fileHash: String) {
      self.workchain = workchain
      self.shard = shard
      self.seqno = seqno
      self.rootHash = rootHash
      self.fileHash = fileHash
    }
  }

  /// getMasterchainInfo's result.
  public struct MasterchainInfo: Codable, Sendable, Hashable {
    public var last: BlockID
    public var stateRootHash: String
    public var initBlock: BlockID
    enum CodingKeys: String, CodingKey {
      case last
      case stateRootHash = "state_root_hash"
      case initBlock = "init"
    }
    public init(last: BlockID, stateRootHash: String, initBlock: BlockID) {
      self.last = last
      self.stateRootHash = stateRootHash
      self.initBlock = initBlock
    }
  }

  /// The sandbox faucet's request body (`POST /faucet`, not part of TON Center).
  public struct FaucetRequest: Codable, Sendable, Hashable {
    public var address: String
    /// nanoTON, as a decimal string.
    public var amount: String
    public init(address: String, amount: String) {
      self.address = address
      self.amount = amount
    }
  }
}
