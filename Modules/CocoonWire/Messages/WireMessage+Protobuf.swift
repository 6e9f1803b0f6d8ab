import CocoonCore
import Foundation
import SwiftProtobuf

// The one place the protobuf schema meets CocoonCore's types. Everything received is checked here: a value out of
// range is a `core.invalidArgument` error for the message, never a crash or a silently clamped value.

extension WireMessage {
  /// The protobuf body for this message.
  var body: Cocoon_Wire_Envelope.OneOf_Body {
    switch self {
    case .query(let query): .runQuery(Cocoon_Wire_RunQuery(query))
    case .answerPart(let text): .answerPart(.with { $0.text = text })
    case .finalAnswer(let answer): .finalAnswer(Cocoon_Wire_FinalAnswer(answer))
    case .error(let error): .error(Cocoon_Wire_Error(error))
    case .cancel(let reason): .cancel(.with { $0.reason = reason })
    case .voucher(let voucher): .voucher(Cocoon_Wire_SignedVoucher(voucher))
    case .modelListRequest: .modelListRequest(.init())
    case .modelList(let models): .modelList(.with { $0.models = models.map(Cocoon_Wire_ServedModel.init) })
    }
  }

  /// The message a received body carries; nil for a body that has no place on a stream (handshake, keepalive,
  /// messages of the schema this build does not use), which the stream skips.
  /// - Throws: ``CocoonError`` `invalidArgument` for a value out of range.
  init?(body: Cocoon_Wire_Envelope.OneOf_Body) throws {
    switch body {
    case .runQuery(let query): self = .query(try query.wireQuery())
    case .answerPart(let part): self = .answerPart(part.text)
    case .finalAnswer(let answer): self = .finalAnswer(try answer.wireFinalAnswer())
    case .error(let error): self = .error(CocoonError(CocoonError.Code(error.code), error.message))
    case .cancel(let cancel): self = .cancel(reason: cancel.reason)
    case .voucher(let voucher): self = .voucher(try voucher.paymentVoucher())
    case .modelListRequest: self = .modelListRequest
    case .modelList(let list): self = .modelList(list.models.map(\.servedModel))
    case .hello, .helloAck, .ping, .pong, .paymentStatus, .balanceComparison: return nil
    }
  }
}

// MARK: Handshake

extension Cocoon_Wire_Hello {
  init(_ hello: PeerHello) {
    self.init()
    role = Cocoon_Wire_Role(hello.role)
    if let node = hello.node {
      self.node = .with {
        $0.models = node.models.map(Cocoon_Wire_ServedModel.init)
        $0.maxActiveRequests = UInt32(clamping: node.maxActiveRequests)
        $0.ledgerAddress = node.ledgerAddress
        $0.priceCoefficient = node.priceCoefficient ?? 0
        if let last = node.lastVoucher { $0.lastVoucher = Cocoon_Wire_SignedVoucher(last) }
      }
    }
    if let client = hello.client {
      self.client = .with {
        if let proof = client.proof {
          $0.ledgerAddress = proof.address
          $0.ledgerPublicKey = proof.publicKey
          $0.signedAtUnixMs = proof.signedAt
          $0.ledgerSignature = proof.signature
        }
        if let last = client.lastVoucher { $0.lastVoucher = Cocoon_Wire_SignedVoucher(last) }
      }
    }
  }

  func peerHello() throws -> PeerHello {
    var hello = PeerHello(role: role.role)
    if hasNode {
      hello.node = NodeHello(
        models: node.models.map(\.servedModel), maxActiveRequests: Int(node.maxActiveRequests),
        ledgerAddress: node.ledgerAddress, priceCoefficient: node.priceCoefficient == 0 ? nil : node.priceCoefficient,
        lastVoucher: node.hasLastVoucher ? try node.lastVoucher.paymentVoucher() : nil)
    }
    if hasClient {
      hello.client = ClientHello(
        proof: client.ledgerAddress.isEmpty
          ? nil
          : ClientLedgerProof(
            address: client.ledgerAddress, publicKey: client.ledgerPublicKey, signedAt: client.signedAtUnixMs,
            signature: client.ledgerSignature),
        lastVoucher: client.hasLastVoucher ? try client.lastVoucher.paymentVoucher() : nil)
    }
    return hello
  }
}

extension Cocoon_Wire_HelloAck {
  init(_ ack: HelloAcknowledgement) {
    self.init()
    role = Cocoon_Wire_Role(ack.role)
    networkID = ack.networkID
    if let ledger = ack.ledger {
      coordinatorLedgerAddress = ledger.address
      coordinatorPublicKey = ledger.publicKey
    }
  }

  var acknowledgement: HelloAcknowledgement {
    HelloAcknowledgement(
      role: role.role, networkID: networkID,
      ledger: coordinatorLedgerAddress.isEmpty
        ? nil : CoordinatorLedgerIdentity(address: coordinatorLedgerAddress, publicKey: coordinatorPublicKey))
  }
}

extension Cocoon_Wire_Role {
  init(_ role: Role?) {
    switch role {
    case .node: self = .node
    case .coordinator: self = .coordinator
    case .client: self = .client
    case nil: self = .unspecified
    }
  }

  /// The role, or nil when unspecified or unknown.
  var role: Role? {
    switch self {
    case .node: .node
    case .coordinator: .coordinator
    case .client: .client
    default: nil
    }
  }
}

extension Cocoon_Wire_ServedModel {
  init(_ model: ServedModel) {
    self.init()
    name = model.name
    weightsSha256 = model.weightsSHA256
    contextLength = UInt32(clamping: model.contextLength)
  }

  var servedModel: ServedModel {
    ServedModel(name: name, weightsSHA256: weightsSha256, contextLength: Int(contextLength))
  }
}

// MARK: Requests and answers

extension Cocoon_Wire_RunQuery {
  init(_ query: WireQuery) {
    self.init()
    let request = query.request
    requestID = query.requestID
    model = request.model.rawValue
    switch request.input {
    case .prompt(let text): prompt = text
    case .chat(let messages):
      chat = .with { $0.messages = messages.map { message in .with { $0.role = message.role; $0.content = message.content } } }
    }
    maxTokens = UInt32(clamping: request.maxTokens)
    sampling = .with {
      $0.temperature = request.sampling.temperature
      $0.topP = request.sampling.topP
      $0.topK = UInt32(clamping: request.sampling.topK)
      $0.minP = request.sampling.minP
      $0.repetitionPenalty = request.sampling.repetitionPenalty
      if let seed = request.sampling.seed {
        $0.hasSeed_p = true
        $0.seed = seed
      }
    }
    stop = request.stop
    maxPriceCoefficient = query.maxPriceCoefficient ?? 0
  }

  /// The query, its generation request validated (``GenerationRequest/validate()``).
  /// - Throws: ``CocoonError`` `invalidArgument` for a query without input or with a value out of range.
  func wireQuery() throws -> WireQuery {
    let input: GenerationInput
    switch self.input {
    case .prompt(let text): input = .prompt(text)
    case .chat(let chat): input = .chat(chat.messages.map { ChatMessage(role: $0.role, content: $0.content) })
    case nil: throw CocoonError(.invalidArgument, "the query has neither a prompt nor chat messages")
    }
    var parameters = SamplingParameters()
    parameters.temperature = sampling.temperature
    parameters.topP = sampling.topP
    parameters.topK = Int(sampling.topK)
    parameters.minP = sampling.minP
    parameters.repetitionPenalty = sampling.repetitionPenalty
    parameters.seed = sampling.hasSeed_p ? sampling.seed : nil
    let request = GenerationRequest(
      model: ModelID(model), input: input, maxTokens: Int(maxTokens), sampling: parameters, stop: stop)
    try request.validate()
    return WireQuery(
      requestID: requestID, request: request, maxPriceCoefficient: maxPriceCoefficient == 0 ? nil : maxPriceCoefficient)
  }
}

extension Cocoon_Wire_FinalAnswer {
  init(_ answer: WireFinalAnswer) {
    self.init()
    finishReason = Cocoon_Wire_FinishReason(answer.finishReason)
    usage = Cocoon_Wire_TokenUsage(answer.usage)
    costNano = answer.cost.rawValue
    if let voucher = answer.voucher { self.voucher = Cocoon_Wire_SignedVoucher(voucher) }
  }

  func wireFinalAnswer() throws -> WireFinalAnswer {
    WireFinalAnswer(
      finishReason: finishReason.finishReason, usage: try usage.tokenUsage(), cost: NanoAmount(costNano),
      voucher: hasVoucher ? try voucher.paymentVoucher() : nil)
  }
}

extension Cocoon_Wire_TokenUsage {
  init(_ usage: TokenUsage) {
    self.init()
    promptTokens = UInt64(max(0, usage.promptTokens))
    cachedTokens = UInt64(max(0, usage.cachedTokens))
    completionTokens = UInt64(max(0, usage.completionTokens))
    reasoningTokens = UInt64(max(0, usage.reasoningTokens))
  }

  /// The usage, validated (cached ≤ prompt, reasoning ≤ completion, no overflow).
  func tokenUsage() throws -> TokenUsage {
    let limit = UInt64(Int32.max)
    guard promptTokens <= limit, cachedTokens <= limit, completionTokens <= limit, reasoningTokens <= limit else {
      throw CocoonError(.invalidArgument, "token usage from the peer is out of range")
    }
    let usage = TokenUsage(
      promptTokens: Int(promptTokens), cachedTokens: Int(cachedTokens), completionTokens: Int(completionTokens),
      reasoningTokens: Int(reasoningTokens))
    try usage.validate()
    return usage
  }
}

extension Cocoon_Wire_FinishReason {
  init(_ reason: FinishReason) {
    switch reason {
    case .stop: self = .stop
    case .length: self = .length
    case .cancelled: self = .cancelled
    }
  }

  var finishReason: FinishReason {
    switch self {
    case .length: .length
    case .cancelled: .cancelled
    default: .stop
    }
  }
}

extension Cocoon_Wire_Error {
  init(_ error: CocoonError) {
    self.init()
    code = error.code.identifier
    message = error.reason
  }
}

extension Cocoon_Wire_SignedVoucher {
  init(_ voucher: PaymentVoucher) {
    self.init()
    kind = voucher.kind.rawValue
    network = voucher.network
    coordinator = voucher.coordinator
    counterparty = voucher.counterparty
    sequence = voucher.sequence
    amountNano = voucher.amount.rawValue
    signature = voucher.signature
  }

  /// The voucher it carries (its signature is checked by whoever keeps it).
  /// - Throws: ``CocoonError`` `invalidArgument` for an unknown kind.
  func paymentVoucher() throws -> PaymentVoucher {
    guard let kind = PaymentVoucher.Kind(rawValue: kind) else {
      throw CocoonError(
        .invalidArgument, "unknown voucher kind '\(self.kind)'; expected client-charge, node-earning or final-charge")
    }
    return PaymentVoucher(
      kind: kind, network: network, coordinator: coordinator, counterparty: counterparty, sequence: sequence,
      amount: NanoAmount(amountNano), signature: signature)
  }
}
