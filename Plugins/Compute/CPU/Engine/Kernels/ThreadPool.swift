import Foundation
import Synchronization

/// A fixed set of worker threads that run one parallel job at a time; the calling thread takes part.
///
/// Workers spin briefly after a job (decode issues a job every few microseconds), then sleep on a condition.
/// Concurrent callers are serialised: models shared by several requests share one pool.
public final class ThreadPool: Sendable {
  /// Threads taking part in each job, the caller included.
  public let threadCount: Int
  private let state: PoolState

  /// Starts `threads - 1` workers; `threads` ≤ 0 means one per active processor.
  public init(threads: Int) {
    threadCount = threads > 0 ? threads : max(1, ProcessInfo.processInfo.activeProcessorCount)
    state = PoolState(threadCount: threadCount)
    for index in 1..<threadCount {
      let thread = Thread { [state] in state.work(index: index) }
      thread.stackSize = 1 << 20
      thread.start()
    }
  }

  deinit { state.stop() }

  /// Runs `body(thread)` for `thread` in `0..<threadCount` in parallel and returns when all are done.
  public func run(_ body: (Int) -> Void) { state.run(body) }

  /// Splits `0..<count` into one contiguous range per thread and runs `body` on each.
  public func parallelFor(_ count: Int, _ body: (Range<Int>) -> Void) {
    if count == 0 { return }
    let threads = min(threadCount, count)
    if threads == 1 {
      body(0..<count)
      return
    }
    run { t in
      guard t < threads else { return }
      let start = count * t / threads
      let end = count * (t + 1) / threads
      if start < end { body(start..<end) }
    }
  }
}

/// The workers' shared state; they keep it alive, the pool stops them when it goes away.
private final class PoolState: @unchecked Sendable {
  let threadCount: Int
  private let generation = Atomic<Int>(0)
  private let pending = Atomic<Int>(0)
  private let stopping = Atomic<Bool>(false)
  private let wake = NSCondition()
  private let callerLock = NSLock()
  private nonisolated(unsafe) var task: ((Int) -> Void)?

  init(threadCount: Int) { self.threadCount = threadCount }

  func stop() {
    stopping.store(true, ordering: .releasing)
    generation.add(1, ordering: .releasing)
    wake.lock()
    wake.broadcast()
    wake.unlock()
  }

  func run(_ body: (Int) -> Void) {
    callerLock.lock()
    defer { callerLock.unlock() }
    if threadCount == 1 {
      body(0)
      return
    }
    withoutActuallyEscaping(body) { body in
      task = body
      pending.store(threadCount - 1, ordering: .relaxed)
      generation.add(1, ordering: .releasing)
      wake.lock()
      wake.broadcast()
      wake.unlock()
      body(0)
      while pending.load(ordering: .acquiring) != 0 {}
      task = nil
    }
  }

  func work(index: Int) {
    var seen = 0
    while true {
      var spins = 0
      while generation.load(ordering: .acquiring) == seen && spins < 200_000 { spins += 1 }
      if generation.load(ordering: .acquiring) == seen {
        wake.lock()
        while generation.load(ordering: .acquiring) == seen { wake.wait() }
        wake.unlock()
      }
      seen = generation.load(ordering: .acquiring)
      if stopping.load(ordering: .acquiring) { return }
      task?(index)
      pending.subtract(1, ordering: .releasing)
    }
  }
}

extension ThreadPool {
  /// Like ``parallelFor(_:_:)`` but also passes the thread's index (for per-thread scratch).
  public func parallelFor(_ count: Int, _ body: (Range<Int>, Int) -> Void) {
    if count == 0 { return }
    let threads = min(threadCount, count)
    if threads == 1 {
      body(0..<count, 0)
      return
    }
    run { t in
      guard t < threads else { return }
      let start = count * t / threads
      let end = count * (t + 1) / threads
      if start < end { body(start..<end, t) }
    }
  }
}
