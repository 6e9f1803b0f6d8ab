public import CocoonCore
import Foundation

/// The `sev-snp-mock` attestation plugin: real SEV-SNP report format and verification, reports signed by a local
/// mock VCEK. Its verifier also accepts real reports chained to AMD's Milan or Genoa ARK.
public enum SEVSNPMockPlugin: AttestationPlugin {
  /// Options under `attestation.options` in `cocoon.yaml`.
  public struct Options: Decodable, Sendable {
    /// The fake launch digest, hex, 48 bytes.
    public var measurement: String
    /// Host data, hex, up to 32 bytes (zero-padded).
    public var hostData: String?
    /// Guest policy (default 0x30000: no debugging).
    public var policy: UInt64?
    /// Where the mock chain lives; shared by all processes on the machine (default `.cocoon/sev-snp-mock`).
    public var stateDirectory: String?
    /// Whether reports whose policy allows debugging are accepted.
    public var allowDebug: Bool?
    /// PEM files whose last certificate is an ARK to trust besides AMD's and this machine's mock ARK.
    public var trustedARKs: [String]?

    public init(
      measurement: String, hostData: String? = nil, policy: UInt64? = nil, stateDirectory: String? = nil,
      allowDebug: Bool? = nil, trustedARKs: [String]? = nil
    ) {
      self.measurement = measurement
      self.hostData = hostData
      self.policy = policy
      self.stateDirectory = stateDirectory
      self.allowDebug = allowDebug
      self.trustedARKs = trustedARKs
    }
  }

  public static let name = "sev-snp-mock"
  public static let summary = "AMD SEV-SNP report format and verification, signed by a local mock VCEK chain"

  public static func make(options: Options, context: PluginContext) async throws -> AttestationSuite {
    guard let measurement = Data(hexString: options.measurement), measurement.count == 48 else {
      throw CocoonError(.invalidPluginOptions, "sev-snp-mock: measurement must be 48 bytes of hex (96 digits)")
    }
    guard let host = Data(hexString: options.hostData ?? ""), host.count <= 32 else {
      throw CocoonError(.invalidPluginOptions, "sev-snp-mock: hostData must be hex of at most 32 bytes")
    }
    let authority = try MockSNPAuthority.loadOrCreate(
      stateDirectory: context.resolve(path: options.stateDirectory ?? ".cocoon/sev-snp-mock"))
    var trusted: Set<Data> = [authority.arkKeyHash]
    for path in options.trustedARKs ?? [] {
      guard let data = FileManager.default.contents(atPath: context.resolve(path: path)) else {
        throw CocoonError(.io, "sev-snp-mock: cannot read trusted ARK file '\(path)'")
      }
      if let hash = SNPReportVerifier.keyHash(ofRootIn: try SNPCertificateChain(encoded: data)) { trusted.insert(hash) }
    }
    let provider = MockSNPProvider(
      authority: authority, measurement: measurement, hostData: host + Data(count: 32 - host.count),
      policy: options.policy ?? MockSNPProvider.defaultPolicy)
    let verifier = SNPVerifier(
      reportVerifier: SNPReportVerifier(trustedARKs: trusted, allowDebug: options.allowDebug ?? false))
    return AttestationSuite(provider: provider, verifier: verifier)
  }
}
