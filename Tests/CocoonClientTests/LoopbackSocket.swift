#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP connection to localhost for tests that must control the socket themselves (e.g. hang up mid-response).
/// Reads poll a non-blocking socket and sleep as a task between polls, so a read never holds a thread of the
/// cooperative pool that the server under test needs; they give up after 60 s so a broken server fails the test.
final class LoopbackSocket {
  private var descriptor: Int32

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Connects to `localhost` on `port`, trying each address it resolves to (127.0.0.1, ::1) in turn.
  init(port: Int) throws {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Glibc)
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #else
    hints.ai_socktype = SOCK_STREAM
    #endif
    var results: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo("localhost", String(port), &hints, &results) == 0, let first = results else {
      throw Failure(description: "localhost does not resolve")
    }
    defer { freeaddrinfo(first) }
    var candidate: UnsafeMutablePointer<addrinfo>? = first
    while let address = candidate?.pointee {
      let descriptor = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
      if descriptor >= 0 {
        if connect(descriptor, address.ai_addr, address.ai_addrlen) == 0 {
          _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
          self.descriptor = descriptor
          return
        }
        close(descriptor)
      }
      candidate = address.ai_next
    }
    throw Failure(description: "connect to localhost:\(port) failed: errno \(errno)")
  }

  deinit { hangUp() }

  /// Sends `text` (small requests fit the socket buffer of a fresh connection, so this does not wait).
  func send(_ text: String) throws {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let sent = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard sent > 0 else { throw Failure(description: "write failed: errno \(errno)") }
      bytes = bytes.dropFirst(sent)
    }
  }

  /// Reads until the text received so far contains `marker`; returns all of it.
  func read(until marker: String) async throws -> String {
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    let deadline = ContinuousClock.now + .seconds(60)
    while !String(decoding: received, as: UTF8.self).contains(marker) {
      let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(5))
        continue
      }
      guard count > 0 else {
        let text = String(decoding: received, as: UTF8.self)
        let why = count == 0 ? "connection ended" : "no data for 60 s or error \(errno)"
        throw Failure(description: "\(why) before '\(marker)'; got: \(text)")
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
