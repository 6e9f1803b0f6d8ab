public import CocoonConfig
import CocoonAccounting
import CocoonCore
public import CocoonRuntime
public import Logging
public import ServiceLifecycle

/// The client role: the OpenAI-compatible API beside an application, paying a coordinator for usage.
public struct ClientRole: Sendable {
  public let components: RoleComponents
  public let section: ClientSection
  public let logger: Logger

  /// - Throws: ``CocoonError`` when the configuration has no `client:` section.
  public init(components: RoleComponents, logger: Logger) throws {
    guard let section = components.loaded.configuration.client else {
      throw CocoonError(.invalidArgument, "the configuration has no 'client:' section")
    }
    self.components = components
    self.section = section
    self.logger = logger
  }

  /// The client's services, in start order: the coordinator link, then the OpenAI-compatible HTTP API over it.
  public func services() throws -> [any Service] {
    var payments: ClientPayments?
    if let signer = components.payment.signer {
      let wallet = try VoucherWallet(
        path: VoucherWalletLocation.resolve(nil, role: .client, in: components.loaded))
      payments = ClientPayments(network: components.payment, signer: signer, wallet: wallet)
    }
    let link = CoordinatorLink(
      endpoints: section.coordinators, transport: components.transport, security: components.transportSecurity,
      payments: payments, logger: logger)
    return [
      link,
      OpenAIServer(gateway: link, listen: section.listen, accessToken: section.httpAccessToken, logger: logger),
    ]
  }
}
