/// The TD report body a TDX quote carries: TD 1.0 (584 bytes) or TD 1.5 (648 bytes).
///
/// Field order and sizes follow Intel's TDX DCAP Quote Library API, appendix A.3 (TD quote body).
public struct TDReportBody: Hashable, Sendable {
  public var teeTCBSVN: [UInt8]  // 16
  public var mrSeam: [UInt8]  // 48
  public var mrSignerSeam: [UInt8]  // 48
  public var seamAttributes: [UInt8]  // 8
  public var tdAttributes: [UInt8]  // 8
  public var xfam: [UInt8]  // 8
  public var mrTD: [UInt8]  // 48
  public var mrConfigID: [UInt8]  // 48
  public var mrOwner: [UInt8]  // 48
  public var mrOwnerConfig: [UInt8]  // 48
  public var rtmr0: [UInt8]  // 48
  public var rtmr1: [UInt8]  // 48
  public var rtmr2: [UInt8]  // 48
  public var rtmr3: [UInt8]  // 48
  public var reportData: [UInt8]  // 64
  /// TD 1.5 only: the second TEE TCB SVN.
  public var teeTCBSVN2: [UInt8]?
  /// TD 1.5 only: the service TD's measurement.
  public var mrServiceTD: [UInt8]?

  /// Size of a TD 1.0 body.
  public static let td10Size = 584
  /// Size of a TD 1.5 body.
  public static let td15Size = 648

  init(reading reader: inout QuoteReader, td15: Bool) throws(QuoteParseError) {
    teeTCBSVN = try reader.bytes(16, "tee_tcb_svn")
    mrSeam = try reader.bytes(48, "mr_seam")
    mrSignerSeam = try reader.bytes(48, "mr_signer_seam")
    seamAttributes = try reader.bytes(8, "seam_attributes")
    tdAttributes = try reader.bytes(8, "td_attributes")
    xfam = try reader.bytes(8, "xfam")
    mrTD = try reader.bytes(48, "mr_td")
    mrConfigID = try reader.bytes(48, "mr_config_id")
    mrOwner = try reader.bytes(48, "mr_owner")
    mrOwnerConfig = try reader.bytes(48, "mr_owner_config")
    rtmr0 = try reader.bytes(48, "rtmr0")
    rtmr1 = try reader.bytes(48, "rtmr1")
    rtmr2 = try reader.bytes(48, "rtmr2")
    rtmr3 = try reader.bytes(48, "rtmr3")
    reportData = try reader.bytes(64, "report_data")
    if td15 {
      teeTCBSVN2 = try reader.bytes(16, "tee_tcb_svn_2")
      mrServiceTD = try reader.bytes(48, "mr_servicetd")
    }
  }

  /// Whether the TD runs in debug mode (TD attributes bit 0, `TUD.DEBUG`): its memory is readable by the host.
  public var isDebug: Bool { tdAttributes[0] & 0x01 != 0 }
}
