public import CocoonCore
public import Foundation

/// Produces TDX quotes inside a TD: configfs-tsm first, `/dev/tdx_guest` as a fallback.
///
/// The evidence's `payload` is the quote; its `auxiliary` is the collateral JSON (``TDXCollateral``) when the
/// plugin was configured with collateral, so that a verifier without its own can use it (collateral is signed by
/// Intel, so a peer cannot forge it), else empty.
public struct TDXAttestationProvider: AttestationProvider {
  public var kind: TEEKind { .tdx }
  let configFS: ConfigFSQuoteSource
  let device: TDXGuestDeviceQuoteSource
  let collateralJSON: Data

  public init(
    configFSRoot: String = "/sys/kernel/config/tsm/report", devicePath: String = "/dev/tdx_guest",
    collateral: TDXCollateral? = nil
  ) {
    configFS = ConfigFSQuoteSource(root: configFSRoot)
    device = TDXGuestDeviceQuoteSource(path: devicePath)
    collateralJSON = collateral?.jsonData() ?? Data()
  }

  public func evidence(reportData: Data) async throws -> Evidence {
    guard reportData.count == Evidence.reportDataLength else {
      throw CocoonError(.invalidArgument, "TDX: report data is \(reportData.count) bytes; exactly 64 are accepted")
    }
    let quote: Data
    if configFS.isAvailable {
      quote = try configFS.quote(reportData: reportData)
    } else if device.isAvailable {
      quote = try device.quote(reportData: reportData)
    } else {
      throw CocoonError(
        .unavailable,
        "TDX: not inside a TD: neither \(configFS.root) (configfs-tsm) nor \(device.path) exists on this machine")
    }
    return Evidence(kind: .tdx, payload: quote, auxiliary: collateralJSON)
  }
}
