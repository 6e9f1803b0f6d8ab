public import CocoonCore
import Foundation

/// What `attest --report-data HEX` prints: evidence from the configured provider for the given report data.
public enum AttestHelper {
  /// Validates `reportDataHex` (exactly 64 bytes of hex, optional `0x`) and returns the evidence's payload as hex.
  /// - Throws: ``CocoonError`` (`invalidArgument`) when the hex is malformed or not 64 bytes; the provider's error
  ///   when it cannot attest here.
  public static func evidenceHex(provider: any AttestationProvider, reportDataHex: String) async throws -> String {
    try await evidence(provider: provider, reportDataHex: reportDataHex).payload.hexString
  }

  /// As ``evidenceHex(provider:reportDataHex:)``, returning the whole evidence (payload and auxiliary).
  public static func evidence(provider: any AttestationProvider, reportDataHex: String) async throws -> Evidence {
    guard let reportData = Data(hexString: reportDataHex) else {
      throw CocoonError(.invalidArgument, "--report-data is not hexadecimal; give 128 hex digits (64 bytes)")
    }
    guard reportData.count == Evidence.reportDataLength else {
      throw CocoonError(
        .invalidArgument, "--report-data is \(reportData.count) bytes; exactly 64 bytes (128 hex digits) are accepted")
    }
    return try await provider.evidence(reportData: reportData)
  }
}
