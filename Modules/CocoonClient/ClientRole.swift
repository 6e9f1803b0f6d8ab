import CocoonAccounting
import CocoonCore
public import CocoonRuntime
public import Logging
public import ServiceLifecycle

/// The client role: the OpenAI-compatible API beside an application, paying a coordinator for usage.
public struct ClientRole: Sendable {
  public let settings: ClientSettings
  public let components: ClientComponents
  /// Services the app adds (metrics, health, pages), started after the role's own.
  public let extraServices: [any Service]
  public let logger: Logger

  public init(
    settings: ClientSettings, components: ClientComponents, extraServices: [any Service] = [], logger: Logger
  ) {
    self.settings = settings
    self.components = components
    self.extraServices = extraServices
    self.logger = logger
  }

  /// The client's services, in start order: the coordinator link, the OpenAI-compatible HTTP API over it, then
  /// the extra services.
  /// - Throws: ``CocoonError`` when the voucher wallet cannot be opened.
  public func services() throws -> [any Service] {
    let common = components.common
    var payments: ClientPayments?
    if let signer = common.payment.signer {
      let wallet = try VoucherWallet(path: settings.voucherWalletPath)
      payments = ClientPayments(network: common.payment, signer: signer, wallet: wallet)
    }
    let link = CoordinatorLink(
      endpoints: settings.coordinators, transport: common.transport, security: common.security, payments: payments,
      logger: logger)
    let api = OpenAIServer(gateway: link, listen: settings.listen, accessToken: settings.httpAccessToken, logger: logger)
    return [link, api] + extraServices
  }
}
