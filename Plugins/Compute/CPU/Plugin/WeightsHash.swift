public import CocoonInference
import CocoonCore
import Crypto
import Foundation

/// SHA-256 of a model file, read through its mapping in chunks with progress.
public enum WeightsHash {
  /// The lower-case hex SHA-256 of `file`; `progress(done, total)` is called after each chunk.
  public static func sha256(of file: MappedFile, progress: (Int64, Int64) -> Void = { _, _ in }) -> String {
    var hasher = SHA256()
    let chunk = 16 << 20
    var offset = 0
    let bytes = file.bytes
    while offset < bytes.count {
      let end = min(bytes.count, offset + chunk)
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
      offset = end
      progress(Int64(offset), Int64(bytes.count))
    }
    return Data(hasher.finalize()).hexString
  }

  /// Checks `file` against `expected` (hex, any case).
  /// - Throws: ``CocoonError`` `cpu.modelHashMismatch` naming both hashes.
  public static func verify(_ file: MappedFile, expected: String, progress: (Int64, Int64) -> Void = { _, _ in })
    throws
  {
    let actual = sha256(of: file, progress: progress)
    guard actual == expected.lowercased() else {
      throw CocoonError(
        .modelHashMismatch,
        "model file \(file.path) has SHA-256 \(actual), but the configuration expects \(expected.lowercased()); "
          + "refusing to serve it")
    }
  }
}
