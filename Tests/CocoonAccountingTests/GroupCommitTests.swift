import CocoonAccounting
import CocoonCore
import Synchronization
import Testing

@Suite("Group commit: concurrent calls share batches")
struct GroupCommitTests {
  /// Records the batches it was asked to commit; fails inputs that are negative.
  final class Recorder: Sendable {
    let batches = Mutex<[[Int]]>([])
  }

  @Test("every caller gets its own result, refusals stay per item, and calls made during a commit share the next")
  func batches() async throws {
    let recorder = Recorder()
    let commit = GroupCommit<Int, Int> { batch in
      recorder.batches.withLock { $0.append(batch) }
      try await Task.sleep(for: .milliseconds(20))
      return batch.map { value in
        value < 0 ? .failure(CocoonError(.invalidArgument, "negative \(value)")) : .success(value * 10)
      }
    }
    let results = await withTaskGroup(of: (Int, Result<Int, any Error>).self) { group in
      for value in -5..<45 {
        group.addTask {
          do { return (value, .success(try await commit.submit(value))) } catch { return (value, .failure(error)) }
        }
      }
      return await group.reduce(into: [Int: Result<Int, any Error>]()) { $0[$1.0] = $1.1 }
    }
    #expect(results.count == 50)
    for (value, result) in results {
      if value < 0 {
        #expect(throws: CocoonError.self) { try result.get() }
      } else {
        #expect(try result.get() == value * 10)
      }
    }
    let batches = recorder.batches.withLock { $0 }
    #expect(batches.flatMap { $0 }.sorted() == Array(-5..<45))
    #expect(batches.count < 50, "50 concurrent calls were committed one by one: \(batches.map(\.count))")
  }

  @Test("a batch that fails as a whole fails each of its callers, and the next batch runs")
  func wholeBatchFailure() async throws {
    let recorder = Recorder()
    let commit = GroupCommit<Int, Int> { batch in
      let call = recorder.batches.withLock { batches in
        batches.append(batch)
        return batches.count
      }
      if call == 1 { throw CocoonError(.io, "disk full") }
      return batch.map { .success($0) }
    }
    await #expect(throws: CocoonError.self) { try await commit.submit(1) }
    #expect(try await commit.submit(2) == 2)
  }
}
