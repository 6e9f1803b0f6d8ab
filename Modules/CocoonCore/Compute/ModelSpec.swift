/// Which model a node serves: where its weights are and what they must hash to.
public struct ModelSpec: Hashable, Sendable, Codable {
  /// The name clients ask for.
  public var name: ModelID
  /// Path of the weights file (e.g. a GGUF file).
  public var path: String
  /// Expected SHA-256 of the weights file, lower-case hex; the backend refuses to serve a file that differs.
  public var sha256: String?

  public init(name: ModelID, path: String, sha256: String? = nil) {
    self.name = name
    self.path = path
    self.sha256 = sha256
  }
}

/// Progress of loading a model, reported while weights are mapped and hashed.
public struct LoadProgress: Sendable, Hashable {
  /// What is happening, e.g. `hashing` or `mapping`.
  public var phase: String
  public var completedBytes: Int64
  public var totalBytes: Int64

  public init(phase: String, completedBytes: Int64, totalBytes: Int64) {
    self.phase = phase
    self.completedBytes = completedBytes
    self.totalBytes = totalBytes
  }

  /// Completion in percent, 0…100.
  public var percent: Double { totalBytes == 0 ? 100 : Double(completedBytes) * 100 / Double(totalBytes) }
}
