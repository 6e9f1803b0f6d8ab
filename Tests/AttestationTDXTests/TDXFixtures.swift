import Foundation
import Testing

@testable import CocoonAttestationTDX

/// The real TDX evidence under `../shared/fixtures/tdx` (see its README).
enum TDXFixtures {
  static let directory: URL = {
    if let override = ProcessInfo.processInfo.environment["COCOON_FIXTURES"] {
      return URL(fileURLWithPath: override).appendingPathComponent("tdx")
    }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("shared/fixtures/tdx")
  }()

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name))
  }

  static func quoteV4() throws -> Data { try data("quote-v4-uptodate.bin") }
  static func quoteV5() throws -> Data { try data("quote-v5-outdated.bin") }
  static func collateralV4() throws -> TDXCollateral {
    try TDXCollateral(json: try data("quote-v4-uptodate.collateral.json"))
  }
  static func collateralV5() throws -> TDXCollateral {
    try TDXCollateral(json: try data("quote-v5-outdated.collateral.json"))
  }

  /// One hour after the TCB info's issue date: inside every validity period of the v4 collateral.
  static let v4Time = IntelDate.parse("2025-06-19T11:16:03Z")!
  /// One hour after the v5 collateral's TCB info issue date.
  static let v5Time = IntelDate.parse("2026-02-18T11:58:51Z")!
}
