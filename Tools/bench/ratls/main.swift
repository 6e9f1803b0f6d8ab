// bench-ratls: the cost of a cached vs an uncached RA-TLS peer verification, with a stand-in attestation
// verifier (evidence = report data + image hash) so that only the transport's own work is measured.
// Run: swift run -c release bench-ratls
import CocoonCore
import CocoonTransportRATLS
import Crypto
import Foundation

struct StandInProvider: AttestationProvider {
  var kind: TEEKind { TEEKind("stand-in") }
  func evidence(reportData: Data) async throws -> Evidence {
    Evidence(kind: kind, payload: reportData + Data(repeating: 0x11, count: 32))
  }
}

struct StandInVerifier: AttestationVerifier {
  var kind: TEEKind { TEEKind("stand-in") }
  func verify(_ evidence: Evidence, reportData: Data, now: Date) async throws -> AttestedIdentity {
    guard evidence.payload.prefix(64) == reportData else { throw CocoonError(.attestationFailed, "reportData") }
    return AttestedIdentity(
      tee: kind, imageHash: Data(evidence.payload.dropFirst(64)), tcbStatus: .upToDate, reportData: reportData)
  }
}

func measure(_ iterations: Int, _ body: () async throws -> Void) async throws -> Double {
  let clock = ContinuousClock()
  let elapsed = try await clock.measure { for _ in 0..<iterations { try await body() } }
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  return seconds / Double(iterations) * 1e6
}

let kind = TEEKind("stand-in")
let security = TransportSecurity(
  role: .coordinator, provider: StandInProvider(), verifiers: [kind: StandInVerifier()],
  policy: AttestationPolicy(allowedImageHashes: [.node: [Data(repeating: 0x11, count: 32)]], allowedTEEs: [kind]),
  configHash: Data(repeating: 0, count: 32))
var nodeSecurity = security
nodeSecurity.role = .node
let now = Date()
let der = try await RATLSCredential.issue(security: nodeSecurity, lifetime: 3600, now: now).derBytes

let iterations = 2000
let hashOnly = try await measure(iterations * 10) { _ = SHA256.hash(data: der) }
let uncached = try await measure(iterations) {
  _ = try await RATLSPeerVerifier().verify(certificate: der, expecting: .node, security: security, now: now)
}
let shared = RATLSPeerVerifier()
_ = try await shared.verify(certificate: der, expecting: .node, security: security, now: now)
let cached = try await measure(iterations * 10) {
  _ = try await shared.verify(certificate: der, expecting: .node, security: security, now: now)
}
print("certificate: \(der.count) bytes DER")
print(String(format: "reference, SHA-256 of the DER:  %8.2f µs", hashOnly))
print(String(format: "uncached verification:          %8.2f µs", uncached))
print(String(format: "cached verification:            %8.2f µs  (%.1f× faster than uncached, %.1f× the hash)",
  cached, uncached / cached, cached / hashOnly))
