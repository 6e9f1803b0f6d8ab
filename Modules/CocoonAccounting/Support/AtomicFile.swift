public import Foundation
import CocoonCore

/// Whole-file writes that are never seen half-done: write a temporary file beside the target, fsync it, rename it
/// over the target, fsync the directory.
public enum AtomicFile {
  /// Writes `data` to `path` atomically and durably with the given permissions.
  /// - Throws: ``CocoonError`` with code `io` naming the path.
  public static func write(_ data: Data, to path: String, permissions: mode_t = 0o600) throws {
    let (temporary, directory) = try writeTemporary(data, beside: path, permissions: permissions)
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw failure("cannot write", path)
    }
    syncDirectory(directory)
  }

  /// Creates `path` holding `data`, atomically and durably, unless it exists: of several processes creating the same
  /// file at once (two roles making a key on first start), exactly one wins and the others see its file.
  /// - Returns: whether this call created the file (false: it existed, and was left as it is).
  public static func createIfAbsent(_ data: Data, at path: String, permissions: mode_t = 0o600) throws -> Bool {
    let (temporary, directory) = try writeTemporary(data, beside: path, permissions: permissions)
    defer { unlink(temporary) }
    // link(2) never replaces an existing file, unlike rename(2).
    guard link(temporary, path) == 0 else {
      if errno == EEXIST { return false }
      throw failure("cannot create", path)
    }
    syncDirectory(directory)
    return true
  }

  /// Writes `data` to a new fsynced temporary file in `path`'s directory; returns it and the directory.
  private static func writeTemporary(_ data: Data, beside path: String, permissions: mode_t) throws
    -> (temporary: String, directory: String)
  {
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
    guard ok else {
      unlink(temporary)
      throw failure("cannot write", temporary)
    }
    return (temporary, directory)
  }

  private static func syncDirectory(_ directory: String) {
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
