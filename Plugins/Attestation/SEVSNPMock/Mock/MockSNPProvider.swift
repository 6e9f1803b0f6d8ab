public import CocoonCore
public import Foundation

/// Produces SEV-SNP attestation reports in the real ABI layout, signed by the mock VCEK.
///
/// The evidence's `payload` is the 1184-byte report; its `auxiliary` is the VCEK, ASK and ARK as concatenated PEM
/// (see ``SNPCertificateChain``).
public struct MockSNPProvider: AttestationProvider {
  public var kind: TEEKind { .sevSNP }
  let authority: MockSNPAuthority
  /// The fake launch digest (48 bytes).
  public var measurement: Data
  /// Data the host provided at launch (32 bytes).
  public var hostData: Data
  /// The guest policy; bit 17 must be set, bit 19 allows debugging.
  public var policy: UInt64
  public var vmpl: UInt32

  /// The default policy: SMT allowed (bit 16), reserved bit 17 set, no debugging.
  public static let defaultPolicy: UInt64 = 0x3_0000

  public init(
    authority: MockSNPAuthority, measurement: Data, hostData: Data = Data(count: 32), policy: UInt64 = defaultPolicy,
    vmpl: UInt32 = 0
  ) {
    self.authority = authority
    self.measurement = measurement
    self.hostData = hostData
    self.policy = policy
    self.vmpl = vmpl
  }

  public func evidence(reportData: Data) async throws -> Evidence {
    Evidence(kind: .sevSNP, payload: Data(try report(reportData: reportData).bytes), auxiliary: authority.chain.pem)
  }

  /// Makes and signs a version 2 report for `reportData` (exactly 64 bytes).
  public func report(reportData: Data) throws(CocoonError) -> SNPReport {
    guard reportData.count == Evidence.reportDataLength else {
      throw CocoonError(.invalidArgument, "sev-snp-mock: report data is \(reportData.count) bytes; exactly 64 are accepted")
    }
    guard measurement.count == 48, hostData.count == 32 else {
      throw CocoonError(.invalidArgument, "sev-snp-mock: measurement must be 48 bytes and host data 32 bytes")
    }
    let tcb = authority.reportedTCB.raw
    var report = SNPReport(zeroed: 2)
    report.set(policy, at: 0x08, width: 8)
    report.set(UInt64(vmpl), at: 0x30, width: 4)
    report.set(1, at: 0x34, width: 4)  // ECDSA P-384 with SHA-384
    report.set(tcb, at: 0x38, width: 8)  // current TCB
    report.set([UInt8](reportData), at: 0x50)
    report.set([UInt8](measurement), at: 0x90)
    report.set([UInt8](hostData), at: 0xC0)
    report.set((0..<32).map { _ in UInt8.random(in: 0...255) }, at: 0x140)  // report id
    report.set(tcb, at: 0x180, width: 8)  // reported TCB
    report.set([UInt8](authority.chipID), at: 0x1A0)
    report.set(tcb, at: 0x1E0, width: 8)  // committed TCB
    report.set([0x01, 0x37, 0x01, 0x00, 0x01, 0x37, 0x01, 0x00], at: 0x1E8)  // firmware 1.55 build 1
    report.set(tcb, at: 0x1F0, width: 8)  // launch TCB
    try authority.sign(&report)
    return report
  }
}
