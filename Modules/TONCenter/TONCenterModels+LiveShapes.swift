/// Decoding that also accepts the shapes public TON Center v2 sends: cells and slices in a get-method stack as
/// `{"bytes": base64, "object": …}` rather than a base64 string, and messages without a `boc` field (it sends
/// `msg_data`, `body_hash` and `message` instead).
extension TONCenterModels.GetMethodResult {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    gasUsed = try container.decode(Int.self, forKey: .gasUsed)
    exitCode = try container.decode(Int.self, forKey: .exitCode)
    stack = try container.decode([[StackText]].self, forKey: .stack).map { $0.map(\.text) }
  }
}

extension TONCenterModels.Message {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    source = try container.decode(String.self, forKey: .source)
    destination = try container.decode(String.self, forKey: .destination)
    value = try container.decode(String.self, forKey: .value)
    fwdFee = try container.decode(String.self, forKey: .fwdFee)
    createdLT = try container.decode(String.self, forKey: .createdLT)
    boc = try container.decodeIfPresent(String.self, forKey: .boc) ?? ""
  }
}

/// A get-method stack item: a string, or an object whose `bytes` is the base64 BoC.
private struct StackText: Decodable {
  var text: String

  private struct Boxed: Decodable { var bytes: String }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      self.text = text
    } else {
      text = try container.decode(Boxed.self).bytes
    }
  }
}
