import CocoonConfig
import CocoonCore
import Testing

@Suite("cocoon.yaml validation reports file:line:column and what is accepted")
struct ConfigValidationTests {
  @Test("the base configuration is valid")
  func baseIsValid() throws {
    let loaded = try load(baseConfiguration)
    #expect(loaded.configuration.network.name == "test")
    #expect(loaded.configuration.node?.models.first?.path == "m.gguf")
    #expect(loaded.configuration.node?.maxActiveRequests == 4)
  }

  @Test("an unknown key names its position and the accepted keys")
  func unknownKey() {
    let error = loadError(inserting("  colour: blue", after: 2))
    #expect(error?.code == .configUnknownKey)
    #expect(error?.reason == "test.yaml:3:3: unknown key 'colour' in 'network'; accepted: insecure, name")
  }

  @Test("an unknown top-level key lists the sections")
  func unknownTopLevelKey() {
    let error = loadError(baseConfiguration + "\ncoordinater:\n  listen: 127.0.0.1:1")
    #expect(error?.code == .configUnknownKey)
    #expect(
      error?.reason
        == "test.yaml:16:1: unknown key 'coordinater' at the top level; accepted: client, coordinator, network, node, payment, registry"
    )
  }

  @Test("a value of the wrong type")
  func wrongType() {
    let error = loadError(inserting("  max_active_requests: lots", after: 5))
    #expect(error?.code == .configTypeMismatch)
    #expect(error?.reason == "test.yaml:6:24: expected an integer for 'node.max_active_requests', found 'lots'")
  }

  @Test("a mapping where a list is expected")
  func mappingForList() {
    let error = loadError(replacing(line: 6, with: "  coordinators: {a: 1}"))
    #expect(error?.code == .configTypeMismatch)
    #expect(error?.reason == "test.yaml:6:17: expected a list for 'node.coordinators', found a mapping")
  }

  @Test("a missing required key points at the mapping that lacks it")
  func missingKey() {
    let error = loadError(replacing(line: 2, with: "  insecure: true"))
    #expect(error?.code == .configMissingKey)
    #expect(error?.reason == "test.yaml:2:3: missing required key 'name' in 'network'; add 'name:' with a value")
  }

  @Test("a missing required section")
  func missingSection() {
    let error = loadError("network:\n  name: x\n")
    #expect(error?.code == .configMissingKey)
    #expect(error?.reason == "test.yaml:1:1: missing required key 'payment' at the top level; add 'payment:' with a value")
  }

  @Test("a number outside its field's range")
  func outOfRange() {
    let error = loadError(inserting("  max_active_requests: 0", after: 5))
    #expect(error?.code == .configOutOfRange)
    #expect(error?.reason == "test.yaml:6:24: 0 is out of range for 'max_active_requests'; accepted: 1…4096")
  }

  @Test("a number outside its type's range")
  func outOfTypeRange() {
    let text = baseConfiguration + """

      registry:
        models: []
        prices:
          price_per_token: -5
          node_fee_per_token: 1
        min_client_stake_nano: 1
        client_close_delay_seconds: 1
      """
    let error = loadError(text)
    #expect(error?.code == .configOutOfRange)
    #expect(
      error?.reason
        == "test.yaml:19:22: -5 is out of range for 'registry.prices.price_per_token'; accepted: 0…18446744073709551615")
  }

  @Test("a malformed endpoint")
  func badEndpoint() {
    let error = loadError(replacing(line: 6, with: "  coordinators: [127.0.0.1:70000]"))
    #expect(error?.code == .configInvalidValue)
    #expect(
      error?.reason
        == "test.yaml:6:18: '127.0.0.1:70000' is not an endpoint; accepted: host:port or [ipv6]:port with a port in 1…65535, e.g. 127.0.0.1:9301"
    )
  }

  @Test("invalid YAML")
  func syntaxError() {
    let error = loadError(replacing(line: 4, with: "  plugin: [local"))
    #expect(error?.code == .configSyntax)
    #expect(
      error?.reason
        == "test.yaml:5:5: invalid YAML: did not find expected ',' or ']'; check indentation, colons and quotes")
  }

  @Test("a duplicate key")
  func duplicateKey() {
    let error = loadError(inserting("  name: again", after: 2))
    #expect(error?.code == .configInvalidValue)
    #expect(
      error?.reason == "test.yaml:2:3: duplicate key 'name' in this mapping; each key at most once per mapping",
      "\(error?.reason ?? "")")
  }
}
