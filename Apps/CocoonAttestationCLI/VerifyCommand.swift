public import ArgumentParser
import CocoonAttestationSEVSNP
import CocoonAttestationTDX
import CocoonCore
import Foundation

/// `verify`: checks attestation evidence (a TDX quote or a SEV-SNP report) and prints one JSON object with the
/// verdict and the measurements; exits non-zero unless the evidence verified.
public struct VerifyCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Verify attestation evidence and print the verdict and measurements as JSON.")

  @Option(help: "The evidence: a TDX quote or a SEV-SNP report, raw binary or hex.")
  public var evidence: String

  @Option(help: "TDX collateral JSON (PCCS shape: tcb_info, qe_identity, CRLs, issuer chains).")
  public var collateral: String?

  @Option(help: "SEV-SNP: the VCEK certificate (DER or PEM).")
  public var vcek: String?

  @Option(help: "SEV-SNP: the ASK and ARK certificates (PEM).")
  public var chain: String?

  @Option(help: "Verify as of this time (ISO 8601, e.g. 2025-06-19T11:16:03Z); default now.")
  public var at: String?

  @Flag(help: "Accept debug TDs / SNP guests whose policy allows debugging.")
  public var allowDebug = false

  public init() {}

  public func run() async throws {
    let report = try inspector().inspect(try EvidenceFile.read(evidence))
    print(report.json)
    if !report.verified { throw ExitCode(1) }
  }

  func inspector() throws -> EvidenceInspector {
    var now = Date()
    if let at {
      guard let parsed = try? Date(at, strategy: .iso8601) else {
        throw ValidationError("--at '\(at)' is not an ISO 8601 time such as 2025-06-19T11:16:03Z")
      }
      now = parsed
    }
    let collateral = try collateral.map { (path) throws(CocoonError) in try TDXCollateral(contentsOf: path) }
    var snpChain: SNPCertificateChain?
    if let vcek {
      snpChain = try SNPCertificateChain(encoded: try Self.contents(vcek))
      if let chain { snpChain = snpChain! + (try SNPCertificateChain(encoded: try Self.contents(chain))) }
    }
    return EvidenceInspector(collateral: collateral, snpChain: snpChain, allowDebug: allowDebug, now: now)
  }

  static func contents(_ path: String) throws(CocoonError) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else { throw CocoonError(.io, "cannot read '\(path)'") }
    return data
  }
}
