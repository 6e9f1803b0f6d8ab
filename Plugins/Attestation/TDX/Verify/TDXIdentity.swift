public import CocoonCore
import Crypto
public import Foundation

/// What a TDX quote says about the TD: its measurements and the image hash policies allow.
public enum TDXIdentity {
  /// The image hash: SHA-256 over the measurement fields of the TD report, excluding report data, in this order:
  ///
  /// | bytes | field |
  /// | --- | --- |
  /// | 0..<48 | MRTD |
  /// | 48..<96, 96..<144, 144..<192, 192..<240 | RTMR0, RTMR1, RTMR2, RTMR3 |
  /// | 240..<288 | MRCONFIGID |
  /// | 288..<336 | MROWNER |
  /// | 336..<384 | MROWNERCONFIG |
  /// | 384..<392 | TD attributes |
  /// | 392..<400 | XFAM |
  ///
  /// 400 bytes in all, each field exactly as in the quote.
  public static func imageHash(_ body: TDReportBody) -> Data {
    var hash = SHA256()
    for field in [
      body.mrTD, body.rtmr0, body.rtmr1, body.rtmr2, body.rtmr3, body.mrConfigID, body.mrOwner, body.mrOwnerConfig,
      body.tdAttributes, body.xfam,
    ] {
      hash.update(data: field)
    }
    return Data(hash.finalize())
  }

  /// The raw measurement registers by name.
  public static func measurements(_ body: TDReportBody) -> [String: Data] {
    [
      "mrtd": Data(body.mrTD), "rtmr0": Data(body.rtmr0), "rtmr1": Data(body.rtmr1), "rtmr2": Data(body.rtmr2),
      "rtmr3": Data(body.rtmr3), "mrConfigId": Data(body.mrConfigID), "mrOwner": Data(body.mrOwner),
      "mrOwnerConfig": Data(body.mrOwnerConfig), "tdAttributes": Data(body.tdAttributes), "xfam": Data(body.xfam),
      "mrSeam": Data(body.mrSeam), "teeTcbSvn": Data(body.teeTCBSVN),
    ]
  }

  /// The identity a quote proves, given its TCB verdict.
  public static func identity(_ body: TDReportBody, status: TCBStatus, advisories: [String]) -> AttestedIdentity {
    AttestedIdentity(
      tee: .tdx, imageHash: imageHash(body), tcbStatus: status, advisories: advisories,
      measurements: measurements(body), reportData: Data(body.reportData))
  }
}
