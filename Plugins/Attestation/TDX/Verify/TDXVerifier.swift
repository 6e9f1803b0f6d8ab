public import CocoonCore
import Crypto
public import Foundation
import Synchronization

/// The TDX ``AttestationVerifier``: verifies quotes with collateral from, in order, a configured file, a PCCS, or
/// the evidence's `auxiliary`. Parsed collateral is cached (by URL and platform, or by SHA-256 of the JSON).
public final class TDXVerifier: AttestationVerifier {
  public var kind: TEEKind { .tdx }
  let verifier: TDXQuoteVerifier
  let configured: PreparedTDXCollateral?
  let pccs: PCCSCollateralSource?
  private let cache = Mutex<[Data: PreparedTDXCollateral]>([:])

  /// - Parameters:
  ///   - collateral: collateral to use for every quote; nil to use the evidence's own.
  ///   - pccs: where to fetch collateral when none is configured.
  ///   - allowDebug: whether debug TDs are accepted.
  public init(collateral: TDXCollateral?, pccs: PCCSCollateralSource? = nil, allowDebug: Bool = false) throws(CocoonError) {
    verifier = TDXQuoteVerifier(allowDebug: allowDebug)
    self.pccs = pccs
    do {
      configured = try collateral.map { (c) throws(TDXVerificationFailure) in try PreparedTDXCollateral(c) }
    } catch {
      throw error.cocoonError
    }
  }

  public func verify(_ evidence: Evidence, reportData: Data, now: Date) async throws -> AttestedIdentity {
    if configured == nil, let pccs, evidence.kind == .tdx {
      let collateral = try await pccs.collateral(for: try TDXQuote(evidence.payload), now: now)
      return try verifySync(evidence, reportData: reportData, now: now, collateral: collateral).identity
    }
    return try verifySync(evidence, reportData: reportData, now: now).identity
  }

  /// Verifies without suspending; the CLI and tests use the verified quote itself.
  public func verifySync(
    _ evidence: Evidence, reportData: Data?, now: Date, collateral given: PreparedTDXCollateral? = nil
  ) throws(CocoonError) -> TDXVerifiedQuote {
    guard evidence.kind == .tdx else {
      throw CocoonError(.attestationFailed, "TDX verifier: evidence is '\(evidence.kind)', not tdx")
    }
    do throws(TDXVerificationFailure) {
      let collateral: PreparedTDXCollateral
      if let given { collateral = given } else { collateral = try self.collateral(for: evidence) }
      let verified = try verifier.verify(quote: evidence.payload, collateral: collateral, at: now)
      if let reportData, Data(verified.quote.body.reportData) != reportData {
        throw TDXVerificationFailure(.reportData, "the quote's report data does not match the expected report data")
      }
      return verified
    } catch {
      throw error.cocoonError
    }
  }

  private func collateral(for evidence: Evidence) throws(TDXVerificationFailure) -> PreparedTDXCollateral {
    if let configured { return configured }
    guard !evidence.auxiliary.isEmpty else {
      throw TDXVerificationFailure(.collateral, "no collateral: none is configured and the evidence carries none")
    }
    let key = Data(SHA256.hash(data: evidence.auxiliary))
    if let cached = cache.withLock({ $0[key] }) { return cached }
    let collateral: TDXCollateral
    do { collateral = try TDXCollateral(json: evidence.auxiliary) } catch {
      throw TDXVerificationFailure(.collateral, error.reason)
    }
    let prepared = try PreparedTDXCollateral(collateral)
    cache.withLock { cache in
      if cache.count > 64 { cache.removeAll() }
      cache[key] = prepared
    }
    return prepared
  }
}
