import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What the process tests with the echo backend share: its "weights" file, the roles' sections of `cocoon.yaml`
/// (insecure test plugins on loopback, settling every second), and workers that keep paid requests flowing.
enum EchoNetwork {
  /// Writes the echo backend's "weights" (any file, listed in the registry under its SHA-256) as `weights.bin` in
  /// `directory`; returns their SHA-256 as lower-case hex.
  static func writeWeights(in directory: URL) throws -> String {
    let weights = directory.appendingPathComponent("weights.bin")
    try Data("echo weights".utf8).write(to: weights)
    return try sha256Hex(of: weights)
  }

  /// The `coordinator:`, `node:` and `client:` sections: the coordinator on `coordinatorPort` settling every second,
  /// the echo node serving `echo-model` from `weights.bin`, the client's API on `apiPort`.
  static func roleSections(coordinatorPort: Int, apiPort: Int, weightsHash: String, nodeMaxActiveRequests: Int? = nil)
    -> String
  {
    """
    coordinator:
      listen: 127.0.0.1:\(coordinatorPort)
      database: coordinator.sqlite
      settle_interval_seconds: 1
      attestation: {plugin: insecure, options: {insecure: true}}
      transport: {plugin: tcp, options: {insecure: true}}
    node:
      coordinators: [127.0.0.1:\(coordinatorPort)]
    \(nodeMaxActiveRequests.map { "  max_active_requests: \($0)\n" } ?? "")\
      attestation: {plugin: insecure, options: {insecure: true}}
      transport: {plugin: tcp, options: {insecure: true}}
      compute: {plugin: echo, options: {prefix: ""}}
      models: [{name: echo-model, path: weights.bin, sha256: \(weightsHash)}]
    client:
      listen: 127.0.0.1:\(apiPort)
      coordinators: [127.0.0.1:\(coordinatorPort)]
      transport: {plugin: tcp, options: {insecure: true}}
      verifiers: [{plugin: insecure, options: {insecure: true}}]

    """
  }

  /// `count` workers posting paid completions (`body(worker, index)`) to `api` until `tally` is stopped, adding each
  /// answered request and its cost to `tally`; after a refused or failed request a worker waits `retryDelay`.
  /// Stopped by the flag, never by cancelling: cancelling an in-flight URLSession request can deadlock
  /// FoundationNetworking on Linux (its cancel handler waits on a queue that is resuming the request).
  static func startWorkers(
    api: URL, tally: Tally, count: Int, retryDelay: Duration, body: @escaping @Sendable (Int, Int) -> String
  ) -> Task<Void, Never> {
    Task {
      await withTaskGroup(of: Void.self) { group in
        for worker in 0..<count {
          group.addTask {
            var index = 0
            while !tally.stopped {
              index += 1
              guard let (status, text) = try? await LocalNetworkTests.post(api, body(worker, index)), status == 200,
                let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                let usage = object["usage"] as? [String: Any]
              else {
                try? await Task.sleep(for: retryDelay)
                continue
              }
              let cost = LocalNetworkTests.price(usage, perToken: 1000)
              tally.withLock { $0 = ($0.count + 1, $0.cost + cost) }
            }
          }
        }
      }
    }
  }
}
