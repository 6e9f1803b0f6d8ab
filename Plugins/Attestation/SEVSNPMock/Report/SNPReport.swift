public import CocoonCore
public import Foundation

/// An AMD SEV-SNP attestation report (ABI spec 56860, table "ATTESTATION_REPORT"): 1184 bytes, little-endian.
///
/// Offsets used: version 0x00, guest SVN 0x04, policy 0x08, family id 0x10, image id 0x20, VMPL 0x30, signature
/// algorithm 0x34, current TCB 0x38, platform info 0x40, key flags 0x48, report data 0x50 (64), measurement 0x90
/// (48), host data 0xC0 (32), ID key digest 0xE0 (48), author key digest 0x110 (48), report id 0x140 (32), report
/// id MA 0x160 (32), reported TCB 0x180, chip id 0x1A0 (64), committed TCB 0x1E0, current/committed version
/// 0x1E8/0x1EC, launch TCB 0x1F0; the signature at 0x2A0: R and S, 72 bytes each, little-endian, zero-padded.
/// The signature covers bytes 0x000..<0x2A0.
public struct SNPReport: Hashable, Sendable {
  /// The report's bytes.
  public private(set) var bytes: [UInt8]

  public static let size = 1184
  static let signedSize = 0x2A0

  /// Parses a report.
  /// - Throws: ``CocoonError`` (`invalidArgument`) when the size or version is not accepted.
  public init(_ data: Data) throws(CocoonError) {
    guard data.count == Self.size else {
      throw CocoonError(.invalidArgument, "SEV-SNP report: \(data.count) bytes; exactly \(Self.size) are accepted")
    }
    bytes = [UInt8](data)
    guard version >= 2 else {
      throw CocoonError(.invalidArgument, "SEV-SNP report: version \(version) is not supported; accepted: 2 or later")
    }
  }

  /// A report to fill in and sign (the mock).
  init(zeroed version: UInt32) {
    bytes = [UInt8](repeating: 0, count: Self.size)
    set(UInt64(version), at: 0x00, width: 4)
  }

  func integer(at offset: Int, width: Int) -> UInt64 {
    bytes[offset..<offset + width].reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }

  mutating func set(_ value: UInt64, at offset: Int, width: Int) {
    for index in 0..<width { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
  }

  mutating func set(_ field: [UInt8], at offset: Int) {
    bytes.replaceSubrange(offset..<offset + field.count, with: field)
  }

  func field(_ offset: Int, _ count: Int) -> Data { Data(bytes[offset..<offset + count]) }

  public var version: UInt32 { UInt32(integer(at: 0x00, width: 4)) }
  public var guestSVN: UInt32 { UInt32(integer(at: 0x04, width: 4)) }
  public var policy: UInt64 { integer(at: 0x08, width: 8) }
  public var vmpl: UInt32 { UInt32(integer(at: 0x30, width: 4)) }
  public var signatureAlgorithm: UInt32 { UInt32(integer(at: 0x34, width: 4)) }
  public var currentTCB: SNPTCBVersion { SNPTCBVersion(raw: integer(at: 0x38, width: 8)) }
  public var platformInfo: UInt64 { integer(at: 0x40, width: 8) }
  /// Whether the chip id is masked (key flags bit 1, `MASK_CHIP_ID`).
  public var isChipIDMasked: Bool { integer(at: 0x48, width: 4) & 0x2 != 0 }
  public var reportData: Data { field(0x50, 64) }
  public var measurement: Data { field(0x90, 48) }
  public var hostData: Data { field(0xC0, 32) }
  public var idKeyDigest: Data { field(0xE0, 48) }
  public var reportedTCB: SNPTCBVersion { SNPTCBVersion(raw: integer(at: 0x180, width: 8)) }
  public var chipID: Data { field(0x1A0, 64) }
  public var committedTCB: SNPTCBVersion { SNPTCBVersion(raw: integer(at: 0x1E0, width: 8)) }
  public var launchTCB: SNPTCBVersion { SNPTCBVersion(raw: integer(at: 0x1F0, width: 8)) }

  /// Guest policy bit 19: the hypervisor may debug the guest (read its memory).
  public var isDebugAllowed: Bool { policy & (1 << 19) != 0 }

  /// The signed bytes.
  var signedBytes: ArraySlice<UInt8> { bytes[0..<Self.signedSize] }

  /// The signature as big-endian R‖S of `width` bytes each; nil when the padding is not zero.
  func signatureRS(width: Int) -> [UInt8]? {
    let r = bytes[0x2A0..<0x2A0 + 72]
    let s = bytes[0x2E8..<0x2E8 + 72]
    guard r.dropFirst(width).allSatisfy({ $0 == 0 }), s.dropFirst(width).allSatisfy({ $0 == 0 }) else { return nil }
    return r.prefix(width).reversed() + s.prefix(width).reversed()
  }

  /// Stores a big-endian R‖S signature in the report's little-endian layout.
  mutating func setSignature(rs: [UInt8], width: Int) {
    set([UInt8](repeating: 0, count: 512), at: 0x2A0)
    set(rs[0..<width].reversed(), at: 0x2A0)
    set(rs[width..<2 * width].reversed(), at: 0x2E8)
  }
}

/// A TCB_VERSION (Milan/Genoa layout): boot loader byte 0, TEE byte 1, SNP byte 6, microcode byte 7.
public struct SNPTCBVersion: Hashable, Sendable, CustomStringConvertible {
  public var raw: UInt64
  public var bootLoader: UInt8 { UInt8(truncatingIfNeeded: raw) }
  public var tee: UInt8 { UInt8(truncatingIfNeeded: raw >> 8) }
  public var snp: UInt8 { UInt8(truncatingIfNeeded: raw >> 48) }
  public var microcode: UInt8 { UInt8(truncatingIfNeeded: raw >> 56) }

  public init(raw: UInt64) { self.raw = raw }

  public init(bootLoader: UInt8, tee: UInt8, snp: UInt8, microcode: UInt8) {
    raw = UInt64(bootLoader) | UInt64(tee) << 8 | UInt64(snp) << 48 | UInt64(microcode) << 56
  }

  public var description: String { "bl=\(bootLoader) tee=\(tee) snp=\(snp) ucode=\(microcode)" }
}
