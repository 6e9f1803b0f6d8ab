public import CocoonCore
import Foundation

/// The `tdx` attestation plugin: Intel TDX quotes inside a TD, DCAP quote verification everywhere.
public enum TDXPlugin: AttestationPlugin {
  /// Options under `attestation.options` in `cocoon.yaml`.
  public struct Options: Decodable, Sendable {
    /// A collateral JSON file (``TDXCollateral``) used to verify peers' quotes and attached to our own evidence.
    public var collateral: String?
    /// Whether debug TDs are accepted (never in production).
    public var allowDebug: Bool?
    /// A PCCS or Intel PCS root URL to fetch collateral from when no `collateral` file is given.
    public var pccsURL: String?
    /// Where fetched collateral is cached (default `.cocoon/tdx-collateral`).
    public var collateralCache: String?
    /// The configfs-tsm report directory.
    public var configfsPath: String?
    /// The legacy TDX guest device.
    public var devicePath: String?

    public init(
      collateral: String? = nil, allowDebug: Bool? = nil, pccsURL: String? = nil, collateralCache: String? = nil,
      configfsPath: String? = nil, devicePath: String? = nil
    ) {
      self.collateral = collateral
      self.pccsURL = pccsURL
      self.collateralCache = collateralCache
      self.allowDebug = allowDebug
      self.configfsPath = configfsPath
      self.devicePath = devicePath
    }
  }

  public static let name = "tdx"
  public static let summary = "Intel TDX: quotes via configfs-tsm, DCAP quote v4/v5 verification"

  public static func make(options: Options, context: PluginContext) async throws -> AttestationSuite {
    let collateral = try options.collateral.map { (path) throws(CocoonError) in
      try TDXCollateral(contentsOf: context.resolve(path: path))
    }
    let provider = TDXAttestationProvider(
      configFSRoot: options.configfsPath ?? ConfigFSQuoteSource.defaultRoot,
      devicePath: options.devicePath ?? TDXGuestDeviceQuoteSource.defaultPath, collateral: collateral)
    let pccs = options.pccsURL.map {
      PCCSCollateralSource(
        baseURL: $0, cacheDirectory: context.resolve(path: options.collateralCache ?? ".cocoon/tdx-collateral"))
    }
    let verifier = try TDXVerifier(collateral: collateral, pccs: pccs, allowDebug: options.allowDebug ?? false)
    return AttestationSuite(provider: provider, verifier: verifier)
  }
}
