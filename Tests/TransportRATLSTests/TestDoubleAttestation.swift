import CocoonCore
import Foundation

extension TEEKind {
  /// The TEE kind of the attestation test double.
  static let testDouble = TEEKind("test-double")
}

/// Test double: evidence is the 64 bytes of report data followed by a fake image hash, no TEE involved.
/// `wrongReportData` makes it bind zeros instead of what it was asked to bind.
struct TestDoubleProvider: AttestationProvider {
  var imageHash: Data
  var wrongReportData = false

  var kind: TEEKind { .testDouble }

  func evidence(reportData: Data) async throws -> Evidence {
    precondition(reportData.count == Evidence.reportDataLength)
    let bound = wrongReportData ? Data(repeating: 0, count: Evidence.reportDataLength) : reportData
    return Evidence(kind: .testDouble, payload: bound + imageHash)
  }
}

/// Test double: checks that the evidence of ``TestDoubleProvider`` binds the expected report data.
struct TestDoubleVerifier: AttestationVerifier {
  var kind: TEEKind { .testDouble }

  func verify(_ evidence: Evidence, reportData: Data, now: Date) async throws -> AttestedIdentity {
    guard evidence.payload.count > Evidence.reportDataLength else {
      throw CocoonError(.attestationFailed, "payload: too short for test-double evidence")
    }
    let bound = Data(evidence.payload.prefix(Evidence.reportDataLength))
    guard bound == reportData else {
      throw CocoonError(.attestationFailed, "reportData: the evidence binds other report data than expected")
    }
    return AttestedIdentity(
      tee: .testDouble, imageHash: Data(evidence.payload.dropFirst(Evidence.reportDataLength)),
      tcbStatus: .upToDate, reportData: bound)
  }
}

/// Image hashes and securities for the three roles, all trusting the test double.
enum Fixture {
  static let nodeImage = Data(repeating: 0x11, count: 32)
  static let coordinatorImage = Data(repeating: 0x22, count: 32)
  static let unknownImage = Data(repeating: 0x99, count: 32)

  static let policy = AttestationPolicy(
    allowedImageHashes: [.node: [nodeImage], .coordinator: [coordinatorImage]], allowedTEEs: [.testDouble])

  static func security(_ role: Role, provider: (any AttestationProvider)?) -> TransportSecurity {
    TransportSecurity(
      role: role, provider: provider, verifiers: [.testDouble: TestDoubleVerifier()], policy: policy,
      configHash: Data(repeating: 0xC0, count: 32))
  }

  static var node: TransportSecurity { security(.node, provider: TestDoubleProvider(imageHash: nodeImage)) }
  static var coordinator: TransportSecurity {
    security(.coordinator, provider: TestDoubleProvider(imageHash: coordinatorImage))
  }
  static var client: TransportSecurity { security(.client, provider: nil) }
}
