import CocoonCore
import Foundation

/// What `verify` prints: one JSON object, whether or not the evidence verified.
struct VerificationReport: Encodable, Sendable {
  var tee: String?
  var verified = false
  var reason: String?
  var tcbStatus: String?
  var advisories: [String] = []
  var imageHash: String?
  var reportData: String?
  // TDX
  var mrtd: String?
  var rtmr0: String?
  var rtmr1: String?
  var rtmr2: String?
  var rtmr3: String?
  // SEV-SNP
  var measurement: String?
  var hostData: String?
  var chipId: String?

  /// Fills the measurement fields from an identity's measurements (present whether or not it verified).
  mutating func fill(imageHash: Data, reportData: Data, measurements: [String: Data]) {
    self.imageHash = imageHash.hexString
    self.reportData = reportData.hexString
    mrtd = measurements["mrtd"]?.hexString
    rtmr0 = measurements["rtmr0"]?.hexString
    rtmr1 = measurements["rtmr1"]?.hexString
    rtmr2 = measurements["rtmr2"]?.hexString
    rtmr3 = measurements["rtmr3"]?.hexString
    measurement = measurements["measurement"]?.hexString
    hostData = measurements["hostData"]?.hexString
    chipId = measurements["chipId"]?.hexString
  }

  /// One line of JSON, keys sorted.
  var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
  }
}
