/// The SGX enclave report of the quoting enclave (384 bytes), as embedded in a quote's signature data.
struct EnclaveReportBody: Hashable, Sendable {
  var cpuSVN: [UInt8]
  var miscSelect: UInt32
  var attributes: [UInt8]  // 16
  var mrEnclave: [UInt8]  // 32
  var mrSigner: [UInt8]  // 32
  var isvProdID: UInt16
  var isvSVN: UInt16
  var reportData: [UInt8]  // 64

  static let size = 384

  init(_ raw: [UInt8]) throws(QuoteParseError) {
    var reader = QuoteReader(raw)
    cpuSVN = try reader.bytes(16, "qe_report.cpu_svn")
    miscSelect = try reader.u32("qe_report.misc_select")
    _ = try reader.bytes(28, "qe_report.reserved1")
    attributes = try reader.bytes(16, "qe_report.attributes")
    mrEnclave = try reader.bytes(32, "qe_report.mr_enclave")
    _ = try reader.bytes(32, "qe_report.reserved2")
    mrSigner = try reader.bytes(32, "qe_report.mr_signer")
    _ = try reader.bytes(96, "qe_report.reserved3")
    isvProdID = try reader.u16("qe_report.isv_prod_id")
    isvSVN = try reader.u16("qe_report.isv_svn")
    _ = try reader.bytes(60, "qe_report.reserved4")
    reportData = try reader.bytes(64, "qe_report.report_data")
  }
}
