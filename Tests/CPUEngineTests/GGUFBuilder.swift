/// Writes minimal GGUF v3 files for malformed-file tests.
struct GGUFBuilder {
  var metadata: [(String, UInt32, [UInt8])] = []
  var tensors: [(name: String, dims: [UInt64], type: UInt32, offset: UInt64)] = []
  var data: [UInt8] = []
  var magic: [UInt8] = Array("GGUF".utf8)

  static func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
  static func string(_ s: String) -> [UInt8] { le(UInt64(s.utf8.count)) + Array(s.utf8) }

  mutating func add(_ key: String, string value: String) { metadata.append((key, 8, Self.string(value))) }
  mutating func add(_ key: String, uint32 value: UInt32) { metadata.append((key, 4, Self.le(value))) }

  func bytes() -> [UInt8] {
    var out = magic + Self.le(UInt32(3)) + Self.le(UInt64(tensors.count)) + Self.le(UInt64(metadata.count))
    for (key, type, value) in metadata { out += Self.string(key) + Self.le(type) + value }
    for t in tensors {
      out += Self.string(t.name) + Self.le(UInt32(t.dims.count))
      for d in t.dims { out += Self.le(d) }
      out += Self.le(t.type) + Self.le(t.offset)
    }
    while out.count % 32 != 0 { out.append(0) }
    return out + data
  }
}
