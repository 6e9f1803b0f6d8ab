import CocoonCore
import Foundation
import Glibc
import Synchronization
import Testing

/// Stopping a listener while peers connect: swift-nio buffers accepted connections for the accept loop, and a
/// cancelled loop used to drop them, which traps the whole process ("Deinited NIOAsyncWriter without calling
/// finish()", apple/swift-nio#2637). A crash of the test process is this test failing.
@Suite("listener stop under connection load")
struct ListenerStopTests {
  /// Opens and closes plain TCP connections to `port` from a thread of its own until `stop` is set.
  static func hammer(port: Int, stop: StopSignal) {
    while !stop.isSet {
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      guard fd >= 0 else { continue }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = in_port_t(UInt16(port).bigEndian)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      close(fd)
    }
  }

  @Test("a listener stopped while peers keep connecting stops cleanly, 40 times")
  func stopWhileConnecting() async throws {
    let transport = try await NetworkHarness.transport()
    for _ in 0..<40 {
      let port = Mutex<Int?>(nil)
      let serving = Task {
        try await transport.serve(
          on: Endpoint(host: "127.0.0.1", port: 0), security: NetworkHarness.security(.coordinator),
          bound: { bound in port.withLock { $0 = bound.port } }, handler: { _ in })
      }
      var bound: Int?
      for _ in 0..<1000 where bound == nil {
        try await Task.sleep(for: .milliseconds(2))
        bound = port.withLock { $0 }
      }
      let listening = try #require(bound)
      let stop = StopSignal()
      let hammers = (0..<3).map { _ in
        let thread = Thread { Self.hammer(port: listening, stop: stop) }
        thread.start()
        return thread
      }
      _ = hammers
      try await Task.sleep(for: .milliseconds(30))
      serving.cancel()
      _ = try? await serving.value
      stop.set()
    }
  }
}

/// Set once to stop the connecting threads.
final class StopSignal: Sendable {
  private let value = Atomic<Bool>(false)
  var isSet: Bool { value.load(ordering: .relaxed) }
  func set() { value.store(true, ordering: .relaxed) }
}
