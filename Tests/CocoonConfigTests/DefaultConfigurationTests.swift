import CocoonConfig
import CocoonCore
import Foundation
import Testing

@Suite("the embedded default cocoon.yaml")
struct DefaultConfigurationTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("cocoon.yaml").path

  @Test("describes a whole local network on loopback")
  func wholeLocalNetwork() throws {
    let loaded = try ConfigLoader.load(path: Self.path, environment: [:])
    let configuration = loaded.configuration
    #expect(configuration.payment.plugin == "local")
    let coordinator = try #require(configuration.coordinator)
    let node = try #require(configuration.node)
    let client = try #require(configuration.client)
    #expect(coordinator.listen == Endpoint(host: "127.0.0.1", port: 9301))
    #expect(node.coordinators == [coordinator.listen])
    #expect(client.coordinators == [coordinator.listen])
    #expect(client.listen == Endpoint(host: "127.0.0.1", port: 8080))
    #expect(node.compute.plugin == "cpu")
    #expect(node.models.first?.name == "gemma-3-270m")
    #expect(node.models.first?.sha256?.value == configuration.registry?.models.first?.sha256.value)
    #expect(configuration.network.insecure == false)
  }
}
