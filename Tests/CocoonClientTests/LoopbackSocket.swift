#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking TCP connection to 127.0.0.1 for tests that must control the socket themselves (e.g. hang up
/// mid-response). Reads time out after 20 s so a broken server fails the test instead of hanging it.
final class LoopbackSocket {
  private var descriptor: Int32

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  init(port: Int) throws {
    #if canImport(Glibc)
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
    var timeout = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      close(descriptor)
      throw Failure(description: "connect to 127.0.0.1:\(port) failed: errno \(errno)")
    }
  }

  deinit { hangUp() }

  func send(_ text: String) throws {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let sent = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard sent > 0 else { throw Failure(description: "write failed: errno \(errno)") }
      bytes = bytes.dropFirst(sent)
    }
  }

  /// Reads until the text received so far contains `marker`; returns all of it.
  func read(until marker: String) throws -> String {
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !String(decoding: received, as: UTF8.self).contains(marker) {
      let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      guard count > 0 else {
        let text = String(decoding: received, as: UTF8.self)
        throw Failure(description: "connection ended before '\(marker)'; got: \(text)")
      }
      received += chunk[..<count]
    }
    return String(decoding: received, as: UTF8.self)
  }

  /// Closes the connection (idempotent).
  func hangUp() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }
}
