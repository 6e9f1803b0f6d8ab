public import CocoonCore

/// One message on a request stream of a ``WireSession``, in CocoonCore's types. The protobuf schema stays inside
/// CocoonWire: a message is converted, and checked, once as it is sent or received.
///
/// A stream carries one exchange: a ``query(_:)``, then ``answerPart(_:)``s, then exactly one ``finalAnswer(_:)`` or
/// ``error(_:)``; either side may ``cancel(reason:)`` at any time. A ``voucher(_:)`` or a ``modelListRequest`` is a
/// stream of its own.
public enum WireMessage: Sendable, Hashable {
  /// A request to generate (opens a stream).
  case query(WireQuery)
  /// More of the answer's text.
  case answerPart(String)
  /// The end of a successful answer.
  case finalAnswer(WireFinalAnswer)
  /// The end of a failed answer, or a refusal.
  case error(CocoonError)
  /// Stop working on this stream.
  case cancel(reason: String)
  /// A new signed voucher for the peer to keep (a stream of its own, ended by this message).
  case voucher(PaymentVoucher)
  /// Asks for the models servable now (opens a stream).
  case modelListRequest
  /// The answer to ``modelListRequest``.
  case modelList([ServedModel])

  /// The error message for `error`: its code when it is a ``CocoonError`` (`core.cancelled` for a cancellation),
  /// `core.internal` otherwise.
  public static func failure(_ error: any Error) -> WireMessage {
    switch error {
    case let error as CocoonError: .error(error)
    case is CancellationError: .error(CocoonError(.cancelled, "cancelled"))
    default: .error(CocoonError(.internalError, "\(error)"))
    }
  }
}

/// A generation request with its routing terms.
public struct WireQuery: Sendable, Hashable {
  /// Unique per client; the coordinator scopes it by the paying account.
  public var requestID: String
  /// Validated (``GenerationRequest/validate()``) when it arrives.
  public var request: GenerationRequest
  /// The highest node price coefficient the client accepts, in basis points; nil accepts ×1.0 only.
  public var maxPriceCoefficient: UInt64?

  public init(requestID: String, request: GenerationRequest, maxPriceCoefficient: UInt64? = nil) {
    self.requestID = requestID
    self.request = request
    self.maxPriceCoefficient = maxPriceCoefficient
  }
}

/// How an answer ended, with its exact usage; the coordinator adds the cost and the client's new voucher.
public struct WireFinalAnswer: Sendable, Hashable {
  public var finishReason: FinishReason
  /// Validated when it arrives (cached ≤ prompt, reasoning ≤ completion).
  public var usage: TokenUsage
  /// What the client is charged for this request (zero when the coordinator does not say).
  public var cost: NanoAmount
  /// The client's new cumulative charge voucher, when the coordinator charges.
  public var voucher: PaymentVoucher?

  public init(finishReason: FinishReason, usage: TokenUsage, cost: NanoAmount = .zero, voucher: PaymentVoucher? = nil) {
    self.finishReason = finishReason
    self.usage = usage
    self.cost = cost
    self.voucher = voucher
  }
}
