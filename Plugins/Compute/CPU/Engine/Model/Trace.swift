import Foundation

/// Debug aid for cross-checks: when `COCOON_CPU_TRACE` names a directory, the forward pass writes named
/// intermediate tensors there as raw little-endian floats (`NAME.f32`). Off (and free) by default.
enum Trace {
  static let directory: String? = ProcessInfo.processInfo.environment["COCOON_CPU_TRACE"]

  @inline(__always)
  static func write(_ name: @autoclosure () -> String, _ p: UnsafePointer<Float>, count: Int) {
    guard let directory else { return }
    let data = Data(bytes: p, count: count * MemoryLayout<Float>.size)
    try? data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name() + ".f32"))
  }
}
