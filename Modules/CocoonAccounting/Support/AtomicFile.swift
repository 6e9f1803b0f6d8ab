public import Foundation
import CocoonCore

/// Whole-file writes that are never seen half-done: write a temporary file beside the target, fsync it, rename it
/// over the target, fsync the directory.
public enum AtomicFile {
  /// Writes `data` to `path` atomically and durably with the given permissions.
  /// - Throws: ``CocoonError`` with code `io` naming the path.
  public static func write(_ data: Data, to path: String, permissions: mode_t = 0o600) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let temporary = directory + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, permissions)
    guard descriptor >= 0 else { throw failure("cannot create", temporary) }
    var ok = data.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { return false }
        offset += written
      }
      return true
    }
    ok = ok && fsync(descriptor) == 0
    close(descriptor)
    guard ok, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw failure("cannot write", path)
    }
    let directoryDescriptor = open(directory, O_RDONLY)
    if directoryDescriptor >= 0 {
      _ = fsync(directoryDescriptor)
      close(directoryDescriptor)
    }
  }

  private static func failure(_ what: String, _ path: String) -> CocoonError {
    CocoonError(.io, "\(what) '\(path)': \(String(cString: strerror(errno))); check the directory exists and is writable")
  }
}
