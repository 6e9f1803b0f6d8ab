public import CocoonConfig
public import CocoonCore
import CocoonRuntime

/// The client's own configuration, decoded from `client:` with every path resolved.
public struct ClientSettings: Sendable {
  /// Where the HTTP API listens.
  public var listen: Endpoint
  /// The coordinators to use, in order of preference.
  public var coordinators: [Endpoint]
  /// When set, API calls must carry `Authorization: Bearer <token>`.
  public var httpAccessToken: String?
  /// The voucher wallet the client keeps its coordinators' spend vouchers in.
  public var voucherWalletPath: String

  public init(listen: Endpoint, coordinators: [Endpoint], httpAccessToken: String?, voucherWalletPath: String) {
    self.listen = listen
    self.coordinators = coordinators
    self.httpAccessToken = httpAccessToken
    self.voucherWalletPath = voucherWalletPath
  }

  /// The settings of `loaded`'s `client:` section.
  /// - Throws: ``CocoonError`` (`configMissingKey`) when the file has no `client:` section.
  public init(_ loaded: LoadedConfiguration) throws {
    let section = try RolePlan.section(loaded.configuration.client, role: .client)
    self.init(
      listen: section.listen, coordinators: section.coordinators, httpAccessToken: section.httpAccessToken,
      voucherWalletPath: VoucherWalletLocation.resolve(nil, role: .client, in: loaded))
  }
}
