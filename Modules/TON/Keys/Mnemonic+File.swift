#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Mnemonic {
  /// Writes the phrase and a newline to `path`, readable by the owner only (mode 0600).
  /// - Throws: ``TONError`` `.fileAccess` when the file cannot be written.
  public func write(toFile path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { throw TONError(.fileAccess, "cannot create \(path) (errno \(errno))") }
    defer { close(descriptor) }
    guard fchmod(descriptor, 0o600) == 0 else { throw TONError(.fileAccess, "cannot set mode 0600 on \(path)") }
    let bytes = Array((phrase + "\n").utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count else { throw TONError(.fileAccess, "cannot write \(path) (errno \(errno))") }
  }

  /// Reads a mnemonic phrase from a file.
  /// - Throws: ``TONError`` `.fileAccess` or `.invalidMnemonic`.
  public init(contentsOfFile path: String) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw TONError(.fileAccess, "cannot open \(path) (errno \(errno))") }
    defer { close(descriptor) }
    var bytes = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count >= 0 else { throw TONError(.fileAccess, "cannot read \(path) (errno \(errno))") }
      if count == 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
      guard bytes.count < 1 << 16 else { throw TONError(.invalidMnemonic, "\(path) is too large for a mnemonic file") }
    }
    try self.init(phrase: String(decoding: bytes, as: UTF8.self))
  }
}
