public import CocoonCore

/// Reads little-endian GGUF header fields with bounds checks; every overrun is a clear error.
struct GGUFCursor {
  let bytes: UnsafeRawBufferPointer
  let path: String
  var offset = 0

  init(bytes: UnsafeRawBufferPointer, path: String) {
    self.bytes = bytes
    self.path = path
  }

  func error(_ what: String) -> CocoonError {
    CocoonError(.malformedModel, "model file \(path) is malformed: \(what) (at byte \(offset))")
  }

  mutating func need(_ n: Int, _ what: @autoclosure () -> String) throws {
    guard n >= 0, n <= bytes.count - offset else {
      throw error("truncated while reading \(what()): needs \(n) bytes, \(bytes.count - offset) left")
    }
  }

  mutating func read<T: FixedWidthInteger>(_: T.Type, _ what: @autoclosure () -> String) throws -> T {
    try need(MemoryLayout<T>.size, what())
    let v = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
    offset += MemoryLayout<T>.size
    return T(littleEndian: v)
  }

  mutating func readCount(_ what: @autoclosure () -> String, limit: Int) throws -> Int {
    let n = try read(UInt64.self, what())
    guard n <= UInt64(limit) else { throw error("\(what()) is \(n), more than the file can hold") }
    return Int(n)
  }

  mutating func readString(_ what: @autoclosure () -> String) throws -> String {
    let n = try readCount("length of \(what())", limit: bytes.count)
    try need(n, what())
    let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
    offset += n
    return s
  }

  mutating func skip(_ n: Int, _ what: @autoclosure () -> String) throws {
    try need(n, what())
    offset += n
  }
}

extension CocoonError.Code {
  /// A model file is not a well-formed GGUF file (truncated, wrong magic, bad header, tensor out of bounds).
  public static let malformedModel = Self("cpu.malformedModel")
  /// A model file uses an architecture, tensor type or tokenizer this engine does not support.
  public static let unsupportedModel = Self("cpu.unsupportedModel")
  /// A model file's SHA-256 differs from the configured one.
  public static let modelHashMismatch = Self("cpu.modelHashMismatch")
}
