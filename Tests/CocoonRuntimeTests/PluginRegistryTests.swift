import Foundation
import CocoonConfig
import CocoonCore
import CocoonRuntime
import Logging
import Testing

@Suite("plugin registry")
struct PluginRegistryTests {
  static let yaml = """
    network:
      name: t
    payment:
      plugin: local
    node:
      coordinators: [127.0.0.1:1]
      attestation:
        plugin: fake-tee
      transport:
        plugin: tcp
      compute:
        plugin: fake
        options:
          threads: 2
          api_key: ${KEY}
      models: []
    """

  func registry() throws -> PluginRegistry {
    var registry = PluginRegistry()
    try registry.register(FakeComputePlugin.self)
    try registry.register(FakeAttestationPlugin.self)
    return registry
  }

  func loaded(_ text: String = yaml) throws -> LoadedConfiguration {
    try ConfigLoader.load(text: text, path: "t.yaml", directory: "/tmp", environment: ["KEY": "sekret-value"])
  }

  @Test("registering the same kind and name twice is refused")
  func duplicate() throws {
    var registry = try registry()
    #expect(throws: CocoonError(.invalidArgument, "")) { try registry.register(FakeComputePlugin.self) }
  }

  @Test("a registered plugin is made with its decoded options")
  func makes() async throws {
    let loaded = try loaded()
    let context = PluginContext(role: .node, logger: Logger(label: "t"), baseDirectory: "/tmp", insecureAllowed: false)
    let backend = try await registry().makeCompute(try #require(loaded.configuration.node).compute, context: context)
    #expect((backend as? FakeBackend)?.threads == 2)
  }

  @Test("an unknown name is located and lists the registered names")
  func unknownName() throws {
    let loaded = try loaded(Self.yaml.replacingOccurrences(of: "plugin: fake\n", with: "plugin: fast\n"))
    let selection = try #require(loaded.configuration.node).compute
    let error = #expect(throws: CocoonError.self) { try registry().validate(selection, kind: .compute) }
    #expect(error?.code == .configUnknownPlugin)
    #expect(error?.reason == "t.yaml:12:13: unknown compute plugin 'fast'; registered: fake")
  }

  @Test("a plugin of another kind is named as such")
  func wrongKind() throws {
    let loaded = try loaded(Self.yaml.replacingOccurrences(of: "plugin: fake\n", with: "plugin: fake-tee\n"))
    let selection = try #require(loaded.configuration.node).compute
    let error = #expect(throws: CocoonError.self) { try registry().validate(selection, kind: .compute) }
    #expect(error?.reason == "t.yaml:12:13: 'fake-tee' is a attestation plugin, not a compute plugin; registered: fake")
  }

  @Test("a designed plugin missing from this binary says so")
  func plannedButMissing() throws {
    let loaded = try loaded()
    let selection = try #require(loaded.configuration.node).transport
    let error = #expect(throws: CocoonError.self) { try registry().validate(selection, kind: .transport) }
    #expect(
      error?.reason
        == "t.yaml:10:13: transport plugin 'tcp' is part of Cocoon's design but not built into this binary yet; none are registered in this binary"
    )
  }

  @Test("plugin options are validated with locations and unknown keys")
  func optionErrors() throws {
    let wrongType = try loaded(Self.yaml.replacingOccurrences(of: "threads: 2", with: "threads: two"))
    let error = #expect(throws: CocoonError.self) {
      try registry().validate(try #require(wrongType.configuration.node).compute, kind: .compute)
    }
    #expect(error?.reason == "t.yaml:14:16: expected an integer for 'node.compute.options.threads', found 'two'")

    let unknown = try loaded(Self.yaml.replacingOccurrences(of: "threads: 2", with: "threads: 2\n      colour: red"))
    let unknownError = #expect(throws: CocoonError.self) {
      try registry().validate(try #require(unknown.configuration.node).compute, kind: .compute)
    }
    #expect(
      unknownError?.reason == "t.yaml:15:7: unknown key 'colour' in 'node.compute.options'; accepted: api_key, threads")
  }

  @Test("the deployment report masks secrets")
  func reportMasksSecrets() throws {
    let report = try DeploymentReport(role: .node, loaded: try loaded(), plugins: try registry())
    let text = report.render()
    #expect(text.contains("api_key: <secret from ${KEY}>"))
    #expect(!text.contains("sekret-value"))
    #expect(text.contains("compute (compute): fake [ok]"))
    #expect(text.contains("transport (transport): tcp [NOT AVAILABLE]"))
    #expect(!report.isComplete)
  }
}
