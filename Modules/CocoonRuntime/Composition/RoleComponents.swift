public import CocoonCore

/// What every role is given: its ledger, its transport and how that transport proves and judges identities.
public struct CommonComponents: Sendable {
  public var payment: any PaymentNetwork
  public var transport: any Transport
  /// This process's attestation, its verifiers, the policy for peers and its config hash.
  public var security: TransportSecurity

  public init(payment: any PaymentNetwork, transport: any Transport, security: TransportSecurity) {
    self.payment = payment
    self.transport = transport
    self.security = security
  }
}

/// The plugins a node runs with: a node always attests itself and always has a compute backend.
public struct NodeComponents: Sendable {
  public var common: CommonComponents
  public var attestation: AttestationSuite
  public var compute: any ComputeBackend

  public init(common: CommonComponents, attestation: AttestationSuite, compute: any ComputeBackend) {
    self.common = common
    self.attestation = attestation
    self.compute = compute
  }
}

/// The plugins a coordinator runs with: it always attests itself.
public struct CoordinatorComponents: Sendable {
  public var common: CommonComponents
  public var attestation: AttestationSuite

  public init(common: CommonComponents, attestation: AttestationSuite) {
    self.common = common
    self.attestation = attestation
  }
}

/// The plugins a client runs with; its own attestation is optional (a client outside a TEE presents none).
public struct ClientComponents: Sendable {
  public var common: CommonComponents
  public var attestation: AttestationSuite?

  public init(common: CommonComponents, attestation: AttestationSuite?) {
    self.common = common
    self.attestation = attestation
  }
}
