import CocoonCore
import Crypto
import Foundation
import Synchronization

/// How the verification cache has been used, for tests and benchmarks.
public struct RATLSCacheStatistics: Sendable, Hashable {
  /// Verifications answered from the cache.
  public var hits: Int
  /// Full verifications that succeeded and were cached.
  public var misses: Int
  /// Entries held now.
  public var entries: Int
}

/// Successful verifications by SHA-256 of the certificate DER, kept until the certificate expires.
final class RATLSVerificationCache: Sendable {
  struct Entry: Sendable {
    var claims: RATLSClaims
    var identity: AttestedIdentity?
    var notBefore: Date
    var notAfter: Date
  }

  private struct State {
    var entries: [SHA256Digest: Entry] = [:]
    var hits = 0
    var misses = 0
  }

  private let state = Mutex(State())
  private let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  /// The entry for `key` if it has not expired as of `now`; counts a hit.
  func lookup(_ key: SHA256Digest, now: Date) -> Entry? {
    state.withLock { state in
      guard let entry = state.entries[key] else { return nil }
      guard now <= entry.notAfter else {
        state.entries[key] = nil
        return nil
      }
      state.hits += 1
      return entry
    }
  }

  /// Remembers a successful verification; drops expired entries (and, if still full, everything) at capacity.
  func store(_ entry: Entry, for key: SHA256Digest, now: Date) {
    state.withLock { state in
      state.misses += 1
      if state.entries.count >= capacity {
        state.entries = state.entries.filter { now <= $0.value.notAfter }
        if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
      }
      state.entries[key] = entry
    }
  }

  var statistics: RATLSCacheStatistics {
    state.withLock { RATLSCacheStatistics(hits: $0.hits, misses: $0.misses, entries: $0.entries.count) }
  }
}
