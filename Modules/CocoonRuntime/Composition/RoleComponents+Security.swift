public import CocoonCore
import CocoonConfig
import Crypto
public import Foundation

extension RoleComponents {
  /// The attestation policy from the registry section: allowed image hashes per role, real TEEs only unless the
  /// deployment is insecure.
  public var attestationPolicy: AttestationPolicy {
    let configuration = loaded.configuration
    let allowed = configuration.registry?.snapshot.allowedImageHashes ?? [:]
    var tees: Set<TEEKind> = [.tdx, .sevSNP]
    if configuration.network.insecure { tees.insert(.insecure) }
    return AttestationPolicy(allowedImageHashes: allowed, minimumTCBStatus: .upToDate, allowedTEEs: tees)
  }

  /// SHA-256 of the configuration file's text, carried in this process's transport claims.
  public var configHash: Data { Data(SHA256.hash(data: Data(loaded.text.utf8))) }

  /// What the transport needs to attest this process and judge peers.
  public var transportSecurity: TransportSecurity {
    TransportSecurity(
      role: role, provider: attestation?.provider, verifiers: verifiers, policy: attestationPolicy,
      configHash: configHash)
  }
}
