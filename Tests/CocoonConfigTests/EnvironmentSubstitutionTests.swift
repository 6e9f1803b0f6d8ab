import CocoonConfig
import CocoonCore
import Testing

@Suite("${VAR} substitution")
struct EnvironmentSubstitutionTests {
  @Test("a set variable replaces its reference")
  func substitutes() throws {
    let loaded = try load(replacing(line: 15, with: "      path: ${MODELS}/m.gguf"), environment: ["MODELS": "/srv/models"])
    #expect(loaded.configuration.node?.models.first?.path == "/srv/models/m.gguf")
  }

  @Test("a missing variable is an error, never an empty string")
  func missingVariable() {
    let error = loadError(replacing(line: 15, with: "      path: ${MODELS}/m.gguf"))
    #expect(error?.code == .configMissingEnvironment)
    #expect(
      error?.reason
        == "test.yaml:15:13: environment variable MODELS is not set; set MODELS in the environment, or replace ${MODELS} with a value"
    )
  }

  @Test("a malformed reference")
  func malformedReference() {
    let error = loadError(replacing(line: 15, with: "      path: ${MODELS"))
    #expect(error?.code == .configInvalidValue)
    #expect(error?.reason.hasPrefix("test.yaml:15:13: unterminated environment reference") == true)
  }

  @Test("numbers can come from the environment")
  func numericFromEnvironment() throws {
    let loaded = try load(inserting("  max_active_requests: ${SLOTS}", after: 5), environment: ["SLOTS": "12"])
    #expect(loaded.configuration.node?.maxActiveRequests == 12)
  }
}
