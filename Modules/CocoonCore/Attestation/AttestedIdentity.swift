public import Foundation

/// What verified evidence proves about a peer.
public struct AttestedIdentity: Hashable, Sendable, Codable {
  /// The TEE that produced the evidence.
  public var tee: TEEKind
  /// A stable hash of the code image: the plugin's documented hash of the measurement registers, excluding report
  /// data. Policies allow peers by this value.
  public var imageHash: Data
  public var tcbStatus: TCBStatus
  /// Advisory identifiers that apply to the platform's TCB level (e.g. `INTEL-SA-00837`).
  public var advisories: [String]
  /// The raw measurement registers by name (`mrtd`, `rtmr0`, … or `measurement`, `hostData`, …).
  public var measurements: [String: Data]
  /// The 64 bytes the evidence binds.
  public var reportData: Data

  public init(
    tee: TEEKind, imageHash: Data, tcbStatus: TCBStatus, advisories: [String] = [], measurements: [String: Data] = [:],
    reportData: Data
  ) {
    self.tee = tee
    self.imageHash = imageHash
    self.tcbStatus = tcbStatus
    self.advisories = advisories
    self.measurements = measurements
    self.reportData = reportData
  }
}
