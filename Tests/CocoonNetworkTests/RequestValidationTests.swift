import CocoonCore
@testable import CocoonWire
import SwiftProtobuf
import Testing

/// Every hop applies one rule to a generation request: what the HTTP API refuses, a query off the wire is refused
/// for too, with the same message.
@Suite("generation request validation")
struct RequestValidationTests {
  static func request(_ change: (inout GenerationRequest) -> Void) -> GenerationRequest {
    var request = GenerationRequest(model: "m", input: .prompt("Hi"), maxTokens: 8)
    change(&request)
    return request
  }

  static let outOfRange: [(String, GenerationRequest)] = [
    ("max_tokens", request { $0.maxTokens = 0 }),
    ("temperature", request { $0.sampling.temperature = 2.5 }),
    ("temperature", request { $0.sampling.temperature = .nan }),
    ("top_p", request { $0.sampling.topP = 0 }),
    ("min_p", request { $0.sampling.minP = 1.5 }),
    ("repetition_penalty", request { $0.sampling.repetitionPenalty = 0 }),
    ("stop", request { $0.stop = Array(repeating: "x", count: 17) }),
    ("stop", request { $0.stop = [""] }),
  ]

  @Test("out-of-range values are named, on the request and off the wire", arguments: outOfRange)
  func refused(field: String, request: GenerationRequest) throws {
    let problem = try #require(request.problem)
    #expect(problem.field == field)
    #expect(problem.message.contains("'\(field)'"))
    let error = #expect(throws: CocoonError.self) {
      try Self.offTheWire(WireQuery(requestID: "r", request: request))
    }
    #expect(error?.code == .invalidArgument)
    #expect(error?.reason == problem.message)
  }

  @Test("accepted values pass every hop unchanged")
  func accepted() throws {
    let request = Self.request {
      $0.sampling.temperature = 0
      $0.sampling.topK = 40
      $0.sampling.topP = 0.9
      $0.sampling.seed = 7
      $0.stop = ["\n"]
    }
    #expect(request.problem == nil)
    #expect(try Self.offTheWire(WireQuery(requestID: "r", request: request)).request == request)
  }

  /// The query as the receiving side of a stream reads it: sent as protobuf bytes, parsed, converted and checked.
  static func offTheWire(_ query: WireQuery) throws -> WireQuery {
    let bytes = try Cocoon_Wire_Envelope.with { $0.body = WireMessage.query(query).body }.serializedBytes() as [UInt8]
    let body = try #require(try Cocoon_Wire_Envelope(serializedBytes: bytes).body)
    guard case .query(let received) = try WireMessage(body: body) else {
      throw CocoonError(.invalidArgument, "not a query")
    }
    return received
  }
}
