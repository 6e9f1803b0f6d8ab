public import Foundation

extension Data {
  /// Lower-case hexadecimal.
  public var hexEncoded: String { map { String(format: "%02x", $0) }.joined() }

  /// Parses lower- or upper-case hexadecimal; nil for anything else.
  public init?(hexEncoded text: String) {
    guard text.count.isMultiple(of: 2) else { return nil }
    var bytes = [UInt8]()
    bytes.reserveCapacity(text.count / 2)
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(index, offsetBy: 2)
      guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
      bytes.append(byte)
      index = next
    }
    self.init(bytes)
  }
}
