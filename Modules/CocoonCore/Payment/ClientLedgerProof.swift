public import Foundation

/// A client's proof, sent in its handshake, that it controls the ledger address it asks the coordinator to charge:
/// its ledger key signs a domain tag, the network, the address and the time. The coordinator checks the signature,
/// that the key owns the address on the ledger, and that the time is recent — so nobody can spend another
/// client's deposit by naming its address.
public struct ClientLedgerProof: Hashable, Sendable {
  public var address: String
  public var publicKey: Data
  /// Milliseconds since 1970 when the client signed.
  public var signedAt: UInt64
  public var signature: Data

  public init(address: String, publicKey: Data, signedAt: UInt64, signature: Data) {
    self.address = address
    self.publicKey = publicKey
    self.signedAt = signedAt
    self.signature = signature
  }

  /// Signs a proof for `signer` on `network` now.
  public static func make(signer: any LedgerSigner, network: String, now: Date = Date()) throws -> ClientLedgerProof {
    let signedAt = UInt64(max(0, now.timeIntervalSince1970 * 1000))
    return ClientLedgerProof(
      address: signer.address, publicKey: signer.publicKey, signedAt: signedAt,
      signature: try signer.sign(signingBytes(network: network, address: signer.address, signedAt: signedAt)))
  }

  /// The bytes the client's ledger key signs.
  public static func signingBytes(network: String, address: String, signedAt: UInt64) -> Data {
    var out = Data("cocoon-client-hello-v1".utf8)
    SigningEncoding.append(network, to: &out)
    SigningEncoding.append(address, to: &out)
    SigningEncoding.append(signedAt, to: &out)
    return out
  }
}
