public import AsyncHTTPClient
import CocoonCore
public import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import X509

/// Fetches TDX collateral from a PCCS or Intel PCS (API v4) by URL, caching it in memory and on disk until the
/// earliest `nextUpdate` among its parts.
///
/// Requests: `tdx/certification/v4/tcb?fmspc=…` (TCB info, issuer chain in `TCB-Info-Issuer-Chain`),
/// `tdx/certification/v4/qe/identity` (`SGX-Enclave-Identity-Issuer-Chain`),
/// `sgx/certification/v4/pckcrl?ca=platform|processor&encoding=der` (`SGX-PCK-CRL-Issuer-Chain`),
/// `sgx/certification/v4/rootcacrl` (hex or DER).
public final class PCCSCollateralSource: Sendable {
  let baseURL: String
  let cacheDirectory: String?
  let client: HTTPClient
  private let memory = Mutex<[String: PreparedTDXCollateral]>([:])

  /// - Parameters:
  ///   - baseURL: the PCCS/PCS root, e.g. `https://localhost:8081` (the `sgx/…`/`tdx/…` paths are appended).
  ///   - cacheDirectory: where fetched collateral is kept between runs; nil for memory only.
  public init(baseURL: String, cacheDirectory: String?, client: HTTPClient = .shared) {
    self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    self.cacheDirectory = cacheDirectory
    self.client = client
  }

  /// Collateral for `quote`'s platform (its PCK certificate's FMSPC and issuing CA), valid at `now`.
  public func collateral(for quote: TDXQuote, now: Date) async throws -> PreparedTDXCollateral {
    let (fmspc, ca) = try Self.platform(of: quote)
    let key = "\(fmspc)-\(ca)"
    if let cached = memory.withLock({ $0[key] }), cached.validUntil > now { return cached }
    if let stored = loadFromDisk(key), stored.validUntil > now {
      memory.withLock { $0[key] = stored }
      return stored
    }
    let collateral = try await fetch(fmspc: fmspc, ca: ca)
    let prepared = try Self.prepare(collateral)
    memory.withLock { $0[key] = prepared }
    storeOnDisk(collateral, key: key)
    return prepared
  }

  /// The FMSPC (hex) and CA name (`platform` or `processor`) of the quote's PCK certificate.
  static func platform(of quote: TDXQuote) throws(CocoonError) -> (String, String) {
    guard let leaf = try? parsePEMChain(String(decoding: quote.pckChainPEM, as: UTF8.self)).first,
      let extensions = try? PCKExtensions(certificate: leaf)
    else {
      throw CocoonError(.attestationFailed, "PCCS: the quote's PCK certificate names no FMSPC")
    }
    let ca = leaf.issuer.description.contains("Processor") ? "processor" : "platform"
    return (Data(extensions.fmspc).hexString.uppercased(), ca)
  }

  private func fetch(fmspc: String, ca: String) async throws -> TDXCollateral {
    let tcb = try await get("tdx/certification/v4/tcb?fmspc=\(fmspc)")
    let qe = try await get("tdx/certification/v4/qe/identity")
    let pckCRL = try await get("sgx/certification/v4/pckcrl?ca=\(ca)&encoding=der")
    let rootCRL = try await get("sgx/certification/v4/rootcacrl")
    guard let tcbInfo = RawJSON.objectText(forKey: "tcbInfo", in: tcb.body),
      let tcbSignature = Self.signature(in: tcb.body),
      let qeIdentity = RawJSON.objectText(forKey: "enclaveIdentity", in: qe.body),
      let qeSignature = Self.signature(in: qe.body)
    else {
      throw CocoonError(.attestationFailed, "PCCS: the TCB info or QE identity response is not the expected JSON")
    }
    return TDXCollateral(
      pckCRLIssuerChain: try pckCRL.header("SGX-PCK-CRL-Issuer-Chain"),
      rootCACRL: Self.derCRL(rootCRL.body).hexString, pckCRL: Self.derCRL(pckCRL.body).hexString,
      tcbInfoIssuerChain: try tcb.header("TCB-Info-Issuer-Chain"), tcbInfo: String(decoding: tcbInfo, as: UTF8.self),
      tcbInfoSignature: tcbSignature, qeIdentityIssuerChain: try qe.header("SGX-Enclave-Identity-Issuer-Chain"),
      qeIdentity: String(decoding: qeIdentity, as: UTF8.self), qeIdentitySignature: qeSignature)
  }

  struct Response {
    var path: String
    var headers: HTTPHeaders
    var body: [UInt8]

    func header(_ name: String) throws(CocoonError) -> String {
      guard let value = headers.first(name: name), let decoded = value.removingPercentEncoding else {
        throw CocoonError(.attestationFailed, "PCCS: \(path) answered without the \(name) header")
      }
      return decoded
    }
  }

  private func get(_ path: String) async throws -> Response {
    let request = HTTPClientRequest(url: baseURL + "/" + path)
    let response: HTTPClientResponse
    do {
      response = try await client.execute(request, timeout: .seconds(30))
    } catch {
      throw CocoonError(.unavailable, "PCCS: GET \(baseURL)/\(path) failed: \(error)")
    }
    let body = try await response.body.collect(upTo: 4 << 20)
    guard response.status == .ok else {
      throw CocoonError(.unavailable, "PCCS: GET \(baseURL)/\(path) answered \(response.status.code)")
    }
    return Response(path: path, headers: response.headers, body: Array(buffer: body))
  }

  private static func signature(in body: [UInt8]) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
    return object["signature"] as? String
  }

  /// A CRL body as DER: DER as is, hex text decoded, PEM unwrapped.
  static func derCRL(_ body: [UInt8]) -> Data {
    let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if let hex = Data(hexString: text), !hex.isEmpty { return hex }
    if text.hasPrefix("-----BEGIN") {
      let base64 = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
      if let der = Data(base64Encoded: base64) { return der }
    }
    return Data(body)
  }

  static func prepare(_ collateral: TDXCollateral) throws(CocoonError) -> PreparedTDXCollateral {
    do { return try PreparedTDXCollateral(collateral) } catch { throw error.cocoonError }
  }

  private func path(_ key: String) -> String? {
    cacheDirectory.map { "\($0)/tdx-collateral-\(key).json" }
  }

  private func loadFromDisk(_ key: String) -> PreparedTDXCollateral? {
    guard let path = path(key), let data = FileManager.default.contents(atPath: path),
      let collateral = try? TDXCollateral(json: data)
    else { return nil }
    return try? PreparedTDXCollateral(collateral)
  }

  private func storeOnDisk(_ collateral: TDXCollateral, key: String) {
    guard let directory = cacheDirectory, let path = path(key) else { return }
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let temporary = path + ".\(UInt64.random(in: 0...UInt64.max)).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: collateral.jsonData()) else { return }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }
}
