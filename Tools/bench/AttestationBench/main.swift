// Times attestation verification on the real fixtures (run in release: Tools/bench/attestation.sh).
//
// Prints one JSON object: milliseconds per full TDX quote verification (collateral parsed once, chains, CRLs,
// signatures and TCB matching every time), per collateral preparation, per SEV-SNP report verification, and the
// ratio of the TDX figure to the 20 ms design target.
import CocoonAttestationSEVSNP
import CocoonAttestationTDX
import CocoonCore
import Foundation

let fixtures = CommandLine.arguments.dropFirst().first ?? "../shared/fixtures"

func load(_ name: String) -> Data {
  guard let data = FileManager.default.contents(atPath: fixtures + "/" + name) else {
    FileHandle.standardError.write(Data("cannot read \(fixtures)/\(name)\n".utf8))
    exit(2)
  }
  return data
}

func millisecondsPerRun(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
  let clock = ContinuousClock()
  let elapsed = try clock.measure { for _ in 0..<runs { try body() } }
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return seconds * 1000 / Double(runs)
}

let quote = load("tdx/quote-v4-uptodate.bin")
let collateral = try TDXCollateral(json: load("tdx/quote-v4-uptodate.collateral.json"))
let at = Date(timeIntervalSince1970: 1_750_331_763)  // 2025-06-19T11:16:03Z
let prepared = try PreparedTDXCollateral(collateral)
let verifier = TDXQuoteVerifier()
_ = try verifier.verify(quote: quote, collateral: prepared, at: at)

let tdxMs = try millisecondsPerRun(200) { _ = try verifier.verify(quote: quote, collateral: prepared, at: at) }
let prepareMs = try millisecondsPerRun(100) { _ = try PreparedTDXCollateral(collateral) }

let report = load("sev-snp/attestation.bin")
let chain = try SNPCertificateChain(encoded: load("sev-snp/vcek.testcer"))
  + SNPCertificateChain(encoded: load("sev-snp/milan.testcer"))
let snpVerifier = SNPReportVerifier(allowDebug: true)
let snpAt = Date(timeIntervalSince1970: 1_704_067_200)
let snpMs = try millisecondsPerRun(200) { _ = try snpVerifier.verify(report: report, chain: chain, at: snpAt) }

print(
  """
  {"tdxVerifyMs": \(String(format: "%.3f", tdxMs)), "tdxCollateralPrepareMs": \(String(format: "%.3f", prepareMs)), \
  "snpVerifyMs": \(String(format: "%.3f", snpMs)), "tdxVsTarget20ms": \(String(format: "%.3f", tdxMs / 20))}
  """)
