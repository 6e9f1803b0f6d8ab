import CocoonCore
import Foundation
import Logging
import Testing

@testable import CocoonAttestationInsecure

@Suite("insecure attestation plugin")
struct InsecurePluginTests {
  func context(insecureAllowed: Bool) -> PluginContext {
    PluginContext(role: .node, logger: Logger(label: "test"), baseDirectory: "/tmp", insecureAllowed: insecureAllowed)
  }

  @Test("refused without insecure: true in its options, with a reason saying so")
  func refusedWithoutOption() async throws {
    for options in [InsecurePlugin.Options(), InsecurePlugin.Options(insecure: false)] {
      let error = await #expect(throws: CocoonError.self) {
        _ = try await InsecurePlugin.make(options: options, context: context(insecureAllowed: true))
      }
      #expect(error?.code == .invalidPluginOptions)
      #expect(error?.reason.contains("insecure: true") == true)
    }
  }

  @Test("refused when the deployment does not allow development-only plugins")
  func refusedWithoutDeploymentFlag() async throws {
    let error = await #expect(throws: CocoonError.self) {
      _ = try await InsecurePlugin.make(options: .init(insecure: true), context: context(insecureAllowed: false))
    }
    #expect(error?.reason.contains("network.insecure") == true)
  }

  @Test("evidence is the report data; the verifier accepts exactly it")
  func roundTrip() async throws {
    let suite = try await InsecurePlugin.make(options: .init(insecure: true), context: context(insecureAllowed: true))
    let reportData = Data((0..<64).map { UInt8($0) })
    let evidence = try await suite.provider.evidence(reportData: reportData)
    #expect(evidence.kind == .insecure)
    #expect(evidence.payload == reportData)
    let identity = try await suite.verifier.verify(evidence, reportData: reportData, now: Date())
    #expect(identity.tee == .insecure)
    #expect(identity.tcbStatus == .none)
    #expect(identity.imageHash == InsecureVerifier.imageHash)
    await #expect(throws: CocoonError.self) {
      try await suite.verifier.verify(evidence, reportData: Data(count: 64), now: Date())
    }
    await #expect(throws: CocoonError.self) {
      try await suite.verifier.verify(Evidence(kind: .tdx, payload: reportData), reportData: reportData, now: Date())
    }
    await #expect(throws: CocoonError.self) { try await suite.provider.evidence(reportData: Data(count: 63)) }
  }

  @Test("a default policy refuses insecure identities")
  func policyRefuses() async throws {
    let identity = try await InsecureVerifier().verify(
      Evidence(kind: .insecure, payload: Data(count: 64)), reportData: Data(count: 64), now: Date())
    let policy = AttestationPolicy(allowedImageHashes: [.node: [InsecureVerifier.imageHash]])
    #expect(throws: CocoonError.self) { try policy.check(identity, as: .node) }
  }
}
