import CocoonCore
import Foundation
import Logging
import Testing

@testable import CocoonAttestationSEVSNP

@Suite("SEV-SNP mock: generation, round trip, shared state")
struct SNPMockTests {
  static func temporaryDirectory() -> String {
    NSTemporaryDirectory() + "cocoon-snp-\(UInt64.random(in: 0...UInt64.max))"
  }

  let measurement = Data((0..<48).map { UInt8($0) })

  @Test("a mock report round-trips through the verifier, with the ABI layout")
  func roundTrip() async throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let authority = try MockSNPAuthority.loadOrCreate(stateDirectory: directory)
    let provider = MockSNPProvider(authority: authority, measurement: measurement, hostData: Data(repeating: 0xAB, count: 32))
    let reportData = Data((0..<64).map { UInt8(255 - $0) })
    let evidence = try await provider.evidence(reportData: reportData)
    #expect(evidence.payload.count == 1184)
    let verifier = SNPVerifier(reportVerifier: SNPReportVerifier(trustedARKs: [authority.arkKeyHash]))
    let identity = try await verifier.verify(evidence, reportData: reportData, now: Date())
    #expect(identity.tee == .sevSNP)
    #expect(identity.measurements["measurement"] == measurement)
    #expect(identity.measurements["hostData"] == Data(repeating: 0xAB, count: 32))
    #expect(identity.measurements["chipId"] == authority.chipID)
    #expect(identity.reportData == reportData)
    let report = try SNPReport(evidence.payload)
    #expect(report.version == 2)
    #expect(report.signatureAlgorithm == 1)
    #expect(report.reportedTCB == authority.reportedTCB)
    // Another report data than expected is refused.
    await #expect(throws: CocoonError.self) {
      try await verifier.verify(evidence, reportData: Data(count: 64), now: Date())
    }
    // AMD's roots alone do not trust the mock ARK.
    await #expect(throws: CocoonError.self) {
      try await SNPVerifier(reportVerifier: SNPReportVerifier()).verify(evidence, reportData: reportData, now: Date())
    }
  }

  @Test("a mock report whose policy allows debugging is refused by default")
  func debugPolicyRefused() throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let authority = try MockSNPAuthority.loadOrCreate(stateDirectory: directory)
    let provider = MockSNPProvider(authority: authority, measurement: measurement, policy: 0x3_0000 | 1 << 19)
    let report = try provider.report(reportData: Data(count: 64))
    let verifier = SNPReportVerifier(trustedARKs: [authority.arkKeyHash])
    let error = #expect(throws: SNPVerificationFailure.self) {
      try verifier.verify(report: Data(report.bytes), chain: authority.chain, at: Date())
    }
    #expect(error?.check == .debug)
    var allowing = verifier
    allowing.allowDebug = true
    _ = try allowing.verify(report: Data(report.bytes), chain: authority.chain, at: Date())
  }

  @Test("a changed measurement byte or reported TCB in a mock report is refused")
  func tampered() throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let authority = try MockSNPAuthority.loadOrCreate(stateDirectory: directory)
    let report = try MockSNPProvider(authority: authority, measurement: measurement).report(reportData: Data(count: 64))
    let verifier = SNPReportVerifier(trustedARKs: [authority.arkKeyHash])
    var bytes = Data(report.bytes)
    bytes[0x90] ^= 0x80
    #expect(throws: SNPVerificationFailure(.signature, "")) { try verifier.verify(report: bytes, chain: authority.chain, at: Date()) }
    var otherTCB = report
    otherTCB.set(authority.reportedTCB.raw + 1, at: 0x180, width: 8)
    try authority.sign(&otherTCB)
    #expect(throws: SNPVerificationFailure(.tcb, "")) {
      try verifier.verify(report: Data(otherTCB.bytes), chain: authority.chain, at: Date())
    }
  }

  @Test("concurrent first use of one state directory yields one shared chain")
  func concurrentFirstUse() async throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let hashes = try await withThrowingTaskGroup(of: Data.self) { group in
      for _ in 0..<8 {
        group.addTask { try MockSNPAuthority.loadOrCreate(stateDirectory: directory).arkKeyHash }
      }
      return try await group.reduce(into: Set<Data>()) { $0.insert($1) }
    }
    #expect(hashes.count == 1)
    let reloaded = try MockSNPAuthority.loadOrCreate(stateDirectory: directory)
    #expect(hashes.contains(reloaded.arkKeyHash))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(leftovers == [MockSNPAuthority.stateFileName])
  }

  @Test("the plugin factory validates the measurement and builds a working suite")
  func plugin() async throws {
    let directory = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let context = PluginContext(role: .node, logger: Logger(label: "test"), baseDirectory: directory, insecureAllowed: false)
    await #expect(throws: CocoonError.self) {
      _ = try await SEVSNPMockPlugin.make(options: .init(measurement: "abcd"), context: context)
    }
    let suite = try await SEVSNPMockPlugin.make(
      options: .init(measurement: measurement.hexString, stateDirectory: "state"), context: context)
    let evidence = try await suite.provider.evidence(reportData: Data(count: 64))
    let identity = try await suite.verifier.verify(evidence, reportData: Data(count: 64), now: Date())
    #expect(identity.imageHash == SNPIdentity.imageHash(try SNPReport(evidence.payload)))
  }
}
