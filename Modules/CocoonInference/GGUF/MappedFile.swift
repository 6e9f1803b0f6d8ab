import CocoonCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A read-only, memory-mapped file. The mapping lives as long as the object; weights are never copied.
public final class MappedFile: @unchecked Sendable {
  /// The file's path, for error messages.
  public let path: String
  /// The first byte of the mapping (nil for an empty file).
  public let base: UnsafeRawPointer?
  /// The file's size in bytes.
  public let count: Int

  /// Maps `path` read-only.
  /// - Throws: ``CocoonError`` with code `core.io` when the file cannot be opened or mapped.
  public init(path: String) throws {
    self.path = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw CocoonError(.io, "cannot open model file \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw CocoonError(.io, "cannot stat model file \(path): \(String(cString: strerror(errno)))")
    }
    count = Int(info.st_size)
    if count == 0 {
      base = nil
      return
    }
    let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
    guard let mapped, mapped != MAP_FAILED else {
      throw CocoonError(.io, "cannot map model file \(path): \(String(cString: strerror(errno)))")
    }
    base = UnsafeRawPointer(mapped)
  }

  deinit {
    if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
  }

  /// The mapped bytes (empty for an empty file).
  public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
