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

extension Data {
  /// Lower-case hexadecimal, two digits per byte.
  public var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(count * 2)
    for byte in self {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Parses hexadecimal (upper or lower case, optional `0x`); nil when malformed.
  public init?(hexString: String) {
    var text = Substring(hexString.trimmingCharacters(in: .whitespacesAndNewlines))
    if text.hasPrefix("0x") || text.hasPrefix("0X") { text = text.dropFirst(2) }
    guard text.utf8.count % 2 == 0 else { return nil }
    var bytes = [UInt8]()
    bytes.reserveCapacity(text.utf8.count / 2)
    var high: UInt8?
    for char in text.utf8 {
      let nibble: UInt8
      switch char {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = char - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = char - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = char - UInt8(ascii: "A") + 10
      default: return nil
      }
      if let value = high {
        bytes.append(value << 4 | nibble)
        high = nil
      } else {
        high = nibble
      }
    }
    self.init(bytes)
  }
}
