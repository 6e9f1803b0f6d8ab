public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Loopback ports for tests that start role processes on fixed ports.
///
/// Ranges must stay clear of Linux's ephemeral ports (32768–60999 by default): the kernel gives those to outgoing
/// connections at any moment, so a test listening there can find its port taken by another test's client socket
/// (a `bind: Address already in use` that made the TON network test's client exit).
public enum LoopbackPorts {
  /// A base port in `range` such that `base…base+count-1` are all free on 127.0.0.1 now; random, so suites
  /// running in parallel rarely meet. Falls back to a random base after 50 tries.
  public static func freeBase(in range: ClosedRange<Int>, count: Int) -> Int {
    for _ in 0..<50 {
      let base = Int.random(in: range.lowerBound...(range.upperBound - count + 1))
      if (base..<base + count).allSatisfy(isFree) { return base }
    }
    return Int.random(in: range.lowerBound...(range.upperBound - count + 1))
  }

  /// Whether a TCP listener could bind 127.0.0.1:`port` now.
  public static func isFree(_ port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var reuse: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}
