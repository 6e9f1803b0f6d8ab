public import CocoonCore
import Crypto
public import Foundation
import SwiftASN1
import X509

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A local stand-in for AMD's key hierarchy: a mock ARK → ASK → VCEK chain (ECDSA P-384) and the VCEK's key,
/// created on first use and kept in a state directory that every process on the machine shares.
///
/// Creation is safe against a concurrent first use: each process writes a complete state file under a unique
/// temporary name and publishes it with `link(2)`, which fails if the file exists; the loser discards its own
/// and loads the winner's, so all processes sign with one VCEK.
public struct MockSNPAuthority: Sendable {
  /// VCEK, ASK, ARK.
  public let chain: SNPCertificateChain
  let vcekKey: P384.Signing.PrivateKey
  /// The mock chip's id (64 bytes), also in the VCEK's hardware id extension.
  public let chipID: Data
  /// The TCB the VCEK is derived for.
  public let reportedTCB: SNPTCBVersion

  /// The state file's name inside the state directory.
  public static let stateFileName = "mock-sev-snp-chain.json"

  struct State: Codable {
    var chain: String
    var vcekPrivateKey: String
    var chipId: String
    var reportedTcb: UInt64
  }

  /// The key hash of the mock ARK, to trust it in a verifier.
  public var arkKeyHash: Data { SNPReportVerifier.keyHash(ofRootIn: chain) ?? Data() }

  /// Loads the authority from `directory`, creating it (and the directory) on first use.
  /// - Throws: ``CocoonError`` (`io`) when the directory cannot be written or the state file is damaged.
  public static func loadOrCreate(stateDirectory directory: String) throws(CocoonError) -> MockSNPAuthority {
    let path = directory + "/" + stateFileName
    if let existing = try load(path) { return existing }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw CocoonError(.io, "sev-snp-mock: cannot create the state directory '\(directory)'")
    }
    let temporary = directory + "/.\(stateFileName).\(getpid()).\(UInt64.random(in: 0...UInt64.max))"
    let state = try makeState()
    guard let encoded = try? JSONEncoder().encode(state),
      FileManager.default.createFile(atPath: temporary, contents: encoded, attributes: [.posixPermissions: 0o600])
    else {
      throw CocoonError(.io, "sev-snp-mock: cannot write a state file in '\(directory)'")
    }
    defer { unlink(temporary) }
    if link(temporary, path) != 0 && errno != EEXIST {
      throw CocoonError(.io, "sev-snp-mock: cannot publish the state file '\(path)' (errno \(errno))")
    }
    guard let published = try load(path) else {
      throw CocoonError(.io, "sev-snp-mock: the state file '\(path)' vanished after creation")
    }
    return published
  }

  private static func load(_ path: String) throws(CocoonError) -> MockSNPAuthority? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    guard let state = try? JSONDecoder().decode(State.self, from: data),
      let key = try? P384.Signing.PrivateKey(pemRepresentation: state.vcekPrivateKey),
      let chip = Data(hexString: state.chipId), chip.count == 64
    else {
      throw CocoonError(.io, "sev-snp-mock: the state file '\(path)' is damaged; remove it to make a new chain")
    }
    let chain = try SNPCertificateChain(encoded: Data(state.chain.utf8))
    return MockSNPAuthority(chain: chain, vcekKey: key, chipID: chip, reportedTCB: SNPTCBVersion(raw: state.reportedTcb))
  }

  /// Signs `report` with the VCEK (ECDSA P-384 over SHA-384 of bytes 0..<0x2A0).
  func sign(_ report: inout SNPReport) throws(CocoonError) {
    guard let signature = try? vcekKey.signature(for: SHA384.hash(data: report.signedBytes)) else {
      throw CocoonError(.unavailable, "sev-snp-mock: signing the report failed")
    }
    report.setSignature(rs: [UInt8](signature.rawRepresentation), width: 48)
  }
}
