public import Foundation

/// Which verified identities a process accepts for a peer role.
public struct AttestationPolicy: Hashable, Sendable, Codable {
  /// Allowed image hashes per role; a role missing from the map accepts no image.
  public var allowedImageHashes: [Role: Set<Data>]
  /// The worst TCB status still accepted.
  public var minimumTCBStatus: TCBStatus
  /// TEE kinds accepted; `insecure` must be listed explicitly to be accepted.
  public var allowedTEEs: Set<TEEKind>

  public init(
    allowedImageHashes: [Role: Set<Data>], minimumTCBStatus: TCBStatus = .upToDate,
    allowedTEEs: Set<TEEKind> = [.tdx, .sevSNP]
  ) {
    self.allowedImageHashes = allowedImageHashes
    self.minimumTCBStatus = minimumTCBStatus
    self.allowedTEEs = allowedTEEs
  }

  /// Checks `identity` for a peer claiming `role`.
  /// - Throws: ``CocoonError`` with code `attestationFailed` naming the field that failed.
  public func check(_ identity: AttestedIdentity, as role: Role) throws {
    guard allowedTEEs.contains(identity.tee) else {
      let accepted = allowedTEEs.map(\.rawValue).sorted().joined(separator: ", ")
      throw CocoonError(
        .attestationFailed, "tee: '\(identity.tee)' is not accepted for a \(role); accepted: \(accepted)")
    }
    guard allowedImageHashes[role, default: []].contains(identity.imageHash) else {
      throw CocoonError(
        .attestationFailed,
        "imageHash: \(identity.imageHash.hexString) is not allowed for role \(role) by the registry")
    }
    guard identity.tcbStatus >= minimumTCBStatus || identity.tee == .insecure else {
      throw CocoonError(
        .attestationFailed,
        "tcbStatus: \(identity.tcbStatus) is worse than the minimum accepted, \(minimumTCBStatus)")
    }
  }
}
