public import ArgumentParser
import CocoonAttestationCLI
import CocoonComputeCLI
import TONCommandLine

/// `cocoon-node`: serves models inside a TEE and earns payment.
public struct NodeCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "cocoon-node",
    abstract: "Serve AI models to the Cocoon network from inside a TEE.",
    subcommands: [
      RunCommand<NodeRoleDescriptor>.self, CheckConfigCommand<NodeRoleDescriptor>.self,
      PluginsCommand<NodeRoleDescriptor>.self, GenerateCommand.self, InferCommand.self, NodeEarningsCommand.self,
      NodePayoutCommand.self, AttestCommand<NodeRoleDescriptor>.self, VerifyCommand.self, TONCommand.self,
    ],
    defaultSubcommand: RunCommand<NodeRoleDescriptor>.self)

  public init() {}
}

/// `cocoon-coordinator`: routes requests between clients and nodes and settles payments.
public struct CoordinatorCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "cocoon-coordinator",
    abstract: "Verify peers, route requests to nodes, count tokens and settle payments.",
    subcommands: [
      RunCommand<CoordinatorRoleDescriptor>.self, CheckConfigCommand<CoordinatorRoleDescriptor>.self,
      PluginsCommand<CoordinatorRoleDescriptor>.self, CoordinatorAccountsCommand.self, CoordinatorRegisterCommand.self,
      CoordinatorCloseCommand.self,
      AttestCommand<CoordinatorRoleDescriptor>.self, VerifyCommand.self, TONCommand.self,
    ],
    defaultSubcommand: RunCommand<CoordinatorRoleDescriptor>.self)

  public init() {}
}

/// `cocoon-client`: the OpenAI-compatible API for applications.
public struct ClientCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "cocoon-client",
    abstract: "Serve an OpenAI-compatible API on localhost, backed by the Cocoon network.",
    subcommands: [
      RunCommand<ClientRoleDescriptor>.self, CheckConfigCommand<ClientRoleDescriptor>.self,
      PluginsCommand<ClientRoleDescriptor>.self, ClientBalanceCommand.self, ClientDepositCommand.self,
      ClientWithdrawCommand.self, ClientCloseCommand.self, TONCommand.self,
    ],
    defaultSubcommand: RunCommand<ClientRoleDescriptor>.self)

  public init() {}
}
