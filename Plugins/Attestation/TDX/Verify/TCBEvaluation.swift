import Foundation
import CocoonCore

/// A TCB status with the advisories that apply.
struct TCBVerdict: Sendable, Equatable {
  var status: TCBStatus
  var advisories: [String]

  /// Combines this platform verdict with a component's (QE or TDX module), as Intel's QVL does: a component that
  /// is out of date makes the platform out of date (keeping "configuration needed"), a revoked one revokes it.
  func merged(with other: TCBVerdict) -> TCBVerdict {
    var status = self.status
    switch other.status {
    case .revoked:
      status = .revoked
    case .outOfDate, .outOfDateConfigurationNeeded:
      switch self.status {
      case .revoked: break
      case .configurationNeeded, .configurationAndSWHardeningNeeded, .outOfDateConfigurationNeeded:
        status = .outOfDateConfigurationNeeded
      default: status = .outOfDate
      }
    default: break
    }
    var advisories = self.advisories
    for id in other.advisories where !advisories.contains(id) { advisories.append(id) }
    return TCBVerdict(status: status, advisories: advisories)
  }
}

/// Matches a platform's TCB (from the PCK certificate and the TD report) against Intel's TCB info levels.
enum TCBEvaluation {
  /// The first TCB level (levels are ordered best first) whose SGX components, PCE SVN and TDX components are all
  /// lower than or equal to the platform's.
  static func platform(
    _ info: TCBInfo, pck: PCKExtensions, teeTCBSVN: [UInt8]
  ) throws(TDXVerificationFailure) -> TCBVerdict {
    for level in info.tcbLevels {
      let sgx = level.tcb.sgxtcbcomponents.map(\.svn)
      guard let tdx = level.tcb.tdxtcbcomponents?.map(\.svn), sgx.count == 16, tdx.count == 16 else {
        throw TDXVerificationFailure(.tcbInfo, "a TCB level lacks its 16 SGX or TDX components")
      }
      guard pck.pceSVN >= level.tcb.pcesvn,
        zip(pck.cpuSVNComponents, sgx).allSatisfy({ $0 >= $1 }),
        zip(teeTCBSVN, tdx).allSatisfy({ $0 >= $1 })
      else { continue }
      return TCBVerdict(status: TCBStatus(intel: level.tcbStatus), advisories: level.advisoryIDs ?? [])
    }
    throw TDXVerificationFailure(.noMatchingTCBLevel, "no matching TCB level found for the platform's SVNs")
  }

  /// The TDX module's verdict from `tdxModuleIdentities` (TCB info v3): identity `TDX_<major>` with major =
  /// TEE TCB SVN byte 1, MRSIGNER and attributes checked, level by the module's SVN (byte 0). Nil when the TCB
  /// info has no module identities or the module major version is 0 (then the TDX components alone decide).
  static func module(_ info: TCBInfo, body: TDReportBody) throws(TDXVerificationFailure) -> TCBVerdict? {
    guard let identities = info.tdxModuleIdentities, body.teeTCBSVN[1] > 0 else { return nil }
    let id = "TDX_" + String(format2: body.teeTCBSVN[1])
    guard let identity = identities.first(where: { $0.id == id }) else {
      throw TDXVerificationFailure(.tdxModule, "TCB info has no identity for TDX module \(id)")
    }
    guard let signer = hexBytes(identity.mrsigner), signer == body.mrSignerSeam else {
      throw TDXVerificationFailure(.tdxModule, "the TDX module's MRSIGNER does not match \(id)")
    }
    guard let attributes = hexBytes(identity.attributes), let mask = hexBytes(identity.attributesMask),
      attributes.count == 8, mask.count == 8,
      (0..<8).allSatisfy({ body.seamAttributes[$0] & mask[$0] == attributes[$0] & mask[$0] })
    else {
      throw TDXVerificationFailure(.tdxModule, "the TDX module's attributes do not match \(id)")
    }
    let svn = UInt16(body.teeTCBSVN[0])
    guard let level = identity.tcbLevels.first(where: { svn >= $0.tcb.isvsvn }) else {
      throw TDXVerificationFailure(.tdxModule, "the TDX module's SVN \(svn) is below every level of \(id)")
    }
    return TCBVerdict(status: TCBStatus(intel: level.tcbStatus), advisories: level.advisoryIDs ?? [])
  }

  /// Checks the QE report against the QE identity and returns the QE's verdict.
  static func quotingEnclave(_ report: EnclaveReportBody, identity: QEIdentity) throws(TDXVerificationFailure) -> TCBVerdict {
    guard identity.id == "TD_QE" else {
      throw TDXVerificationFailure(.qeIdentity, "QE identity id '\(identity.id)' is not TD_QE")
    }
    guard let signer = hexBytes(identity.mrsigner), signer == report.mrSigner else {
      throw TDXVerificationFailure(.qeIdentity, "the QE's MRSIGNER does not match the QE identity")
    }
    guard report.isvProdID == identity.isvprodid else {
      throw TDXVerificationFailure(.qeIdentity, "the QE's ISVPRODID does not match the QE identity")
    }
    guard let misc = hexBytes(identity.miscselect), let miscMask = hexBytes(identity.miscselectMask),
      misc.count == 4, miscMask.count == 4
    else {
      throw TDXVerificationFailure(.qeIdentity, "QE identity MISCSELECT fields are malformed")
    }
    let expected = misc.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    let mask = miscMask.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard report.miscSelect & mask == expected & mask else {
      throw TDXVerificationFailure(.qeIdentity, "the QE's MISCSELECT does not match the QE identity")
    }
    guard let attributes = hexBytes(identity.attributes), let attributesMask = hexBytes(identity.attributesMask),
      attributes.count == 16, attributesMask.count == 16,
      (0..<16).allSatisfy({ report.attributes[$0] & attributesMask[$0] == attributes[$0] & attributesMask[$0] })
    else {
      throw TDXVerificationFailure(.qeIdentity, "the QE's attributes do not match the QE identity")
    }
    guard let level = identity.tcbLevels.first(where: { report.isvSVN >= $0.tcb.isvsvn }) else {
      throw TDXVerificationFailure(.qeIdentity, "the QE's ISVSVN \(report.isvSVN) is below every QE identity level")
    }
    return TCBVerdict(status: TCBStatus(intel: level.tcbStatus), advisories: level.advisoryIDs ?? [])
  }

  static func hexBytes(_ text: String) -> [UInt8]? {
    Data(hexString: text).map { [UInt8]($0) }
  }
}

extension String {
  /// Two upper-case hex digits.
  init(format2 byte: UInt8) {
    let digits = Array("0123456789ABCDEF")
    self = String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
  }
}
