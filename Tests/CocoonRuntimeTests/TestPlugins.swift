import CocoonCore
import Foundation

/// A compute plugin double with typed options, for registry and composition tests.
enum FakeComputePlugin: ComputePlugin {
  struct Options: Decodable, Sendable {
    var threads: Int
    var apiKey: String?
  }

  static let name = "fake"
  static let summary = "test double"

  static func make(options: Options, context: PluginContext) async throws -> any ComputeBackend {
    FakeBackend(threads: options.threads)
  }
}

struct FakeBackend: ComputeBackend {
  let threads: Int

  func load(_ spec: ModelSpec, progress: @escaping @Sendable (LoadProgress) -> Void) async throws -> any LoadedModel {
    throw CocoonError(.unavailable, "fake")
  }
}

/// An attestation plugin double named like a compute plugin elsewhere, to test kind mismatches.
enum FakeAttestationPlugin: AttestationPlugin {
  struct Options: Decodable, Sendable {}
  static let name = "fake-tee"
  static let summary = "test double"

  static func make(options: Options, context: PluginContext) async throws -> AttestationSuite {
    throw CocoonError(.unavailable, "not needed in these tests")
  }
}
