public import CocoonCore
public import Foundation

/// "Evidence" that is the report data itself: proves nothing. For development without a TEE only.
public struct InsecureProvider: AttestationProvider {
  public var kind: TEEKind { .insecure }

  public init() {}

  public func evidence(reportData: Data) async throws -> Evidence {
    guard reportData.count == Evidence.reportDataLength else {
      throw CocoonError(.invalidArgument, "insecure: report data is \(reportData.count) bytes; exactly 64 are accepted")
    }
    return Evidence(kind: .insecure, payload: reportData)
  }
}

/// Accepts insecure evidence whose payload is exactly the expected report data.
///
/// The identity has TCB status `None`, no measurements and an image hash of 32 zero bytes ("nothing measured"),
/// so a policy accepts it only if it lists the `insecure` TEE and that hash explicitly.
public struct InsecureVerifier: AttestationVerifier {
  public var kind: TEEKind { .insecure }

  /// The image hash of every insecure peer: 32 zero bytes.
  public static let imageHash = Data(count: 32)

  public init() {}

  public func verify(_ evidence: Evidence, reportData: Data, now: Date) async throws -> AttestedIdentity {
    guard evidence.kind == .insecure else {
      throw CocoonError(.attestationFailed, "insecure verifier: evidence is '\(evidence.kind)', not insecure")
    }
    guard evidence.payload.count == Evidence.reportDataLength, evidence.payload == reportData else {
      throw CocoonError(.attestationFailed, "insecure verifier: the evidence is not the expected 64 bytes of report data")
    }
    return AttestedIdentity(tee: .insecure, imageHash: Self.imageHash, tcbStatus: .none, reportData: reportData)
  }
}
