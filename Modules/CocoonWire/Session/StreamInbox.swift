import CocoonCore
import DequeModule
import Synchronization

/// The messages received on one stream, waiting for its reader. Holds at most `capacity`; the connection's reader
/// waits when it is full, so a slow consumer slows its peer instead of growing memory.
final class StreamInbox: Sendable {
  private struct State {
    var buffer = Deque<Cocoon_Wire_Envelope.OneOf_Body>()
    var finished = false
    var failure: (any Error)?
    var consumer: CheckedContinuation<Cocoon_Wire_Envelope.OneOf_Body?, any Error>?
    var producers: [CheckedContinuation<Void, Never>] = []
  }

  private let state = Mutex(State())
  let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  /// Adds a message, waiting while the inbox is full. Dropped if the stream already finished.
  func push(_ body: Cocoon_Wire_Envelope.OneOf_Body) async {
    while true {
      let full: Bool = state.withLock { state in
        if state.finished { return false }
        if let consumer = state.consumer {
          state.consumer = nil
          consumer.resume(returning: body)
          return false
        }
        if state.buffer.count >= capacity { return true }
        state.buffer.append(body)
        return false
      }
      if !full { return }
      await withCheckedContinuation { continuation in
        let resumeNow = state.withLock { state in
          if state.finished || state.buffer.count < capacity { return true }
          state.producers.append(continuation)
          return false
        }
        if resumeNow { continuation.resume() }
      }
    }
  }

  /// The next message; nil after ``finish(throwing:)`` with no error once the buffer is drained.
  func next() async throws -> Cocoon_Wire_Envelope.OneOf_Body? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        state.withLock { state in
          if let body = state.buffer.popFirst() {
            let producers = state.producers
            state.producers.removeAll()
            producers.forEach { $0.resume() }
            continuation.resume(returning: body)
          } else if let failure = state.failure {
            continuation.resume(throwing: failure)
          } else if state.finished {
            continuation.resume(returning: nil)
          } else if Task.isCancelled {
            continuation.resume(throwing: CancellationError())
          } else {
            state.consumer = continuation
          }
        }
      }
    } onCancel: {
      let consumer = state.withLock { state in
        defer { state.consumer = nil }
        return state.consumer
      }
      consumer?.resume(throwing: CancellationError())
    }
  }

  /// Ends the stream: the reader drains what is buffered, then gets nil or `error`.
  func finish(throwing error: (any Error)? = nil) {
    let (consumer, producers, failure): (CheckedContinuation<Cocoon_Wire_Envelope.OneOf_Body?, any Error>?, [CheckedContinuation<Void, Never>], (any Error)?) =
      state.withLock { state in
        guard !state.finished else { return (nil, [], nil) }
        state.finished = true
        state.failure = error
        let consumer = state.buffer.isEmpty ? state.consumer : nil
        if consumer != nil { state.consumer = nil }
        defer { state.producers.removeAll() }
        return (consumer, state.producers, error)
      }
    producers.forEach { $0.resume() }
    if let consumer {
      if let failure { consumer.resume(throwing: failure) } else { consumer.resume(returning: nil) }
    }
  }
}
