public import CocoonCore
import Crypto
public import Foundation

/// What a SEV-SNP report says about the guest: its measurements and the image hash policies allow.
public enum SNPIdentity {
  /// The image hash: SHA-256 over measurement (48 bytes) ‖ host data (32) ‖ guest policy (8, little-endian, as in
  /// the report): 88 bytes. Report data is excluded.
  public static func imageHash(_ report: SNPReport) -> Data {
    var hash = SHA256()
    hash.update(data: report.measurement)
    hash.update(data: report.hostData)
    hash.update(data: report.field(0x08, 8))
    return Data(hash.finalize())
  }

  /// The raw fields by name.
  public static func measurements(_ report: SNPReport) -> [String: Data] {
    [
      "measurement": report.measurement, "hostData": report.hostData, "chipId": report.chipID,
      "idKeyDigest": report.idKeyDigest, "policy": report.field(0x08, 8), "reportedTcb": report.field(0x180, 8),
      "familyId": report.field(0x10, 16), "imageId": report.field(0x20, 16),
    ]
  }

  /// The identity a verified report proves.
  public static func identity(_ report: SNPReport, status: TCBStatus) -> AttestedIdentity {
    AttestedIdentity(
      tee: .sevSNP, imageHash: imageHash(report), tcbStatus: status, measurements: measurements(report),
      reportData: report.reportData)
  }
}
