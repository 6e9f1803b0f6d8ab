public import CocoonConfig
public import CocoonCore

/// One protocol of a role and the plugin configured to serve it. Adding a slot is one case here; the compiler
/// then names every place that must handle it (the role plans and ``RoleComposer``).
public enum PluginSlot: Sendable {
  /// The ledger: registry reads, deposits, vouchers, checkpoints.
  case payment(PluginSelection)
  /// This process's own evidence (and the verifier for its own TEE kind).
  case attestation(PluginSelection)
  /// How this process talks to its peers.
  case transport(PluginSelection)
  /// The node's inference backend.
  case compute(PluginSelection)
  /// An extra verifier for peers' evidence of another TEE kind.
  case verifier(PluginSelection)

  /// The kind of plugin that serves this slot.
  public var kind: PluginKind {
    switch self {
    case .payment: .payment
    case .attestation, .verifier: .attestation
    case .transport: .transport
    case .compute: .compute
    }
  }

  /// The configured plugin.
  public var selection: PluginSelection {
    switch self {
    case .payment(let s), .attestation(let s), .transport(let s), .compute(let s), .verifier(let s): s
    }
  }

  /// What the slot is for, as `check-config` prints it.
  public var label: String {
    switch self {
    case .payment: "payment"
    case .attestation: "attestation"
    case .transport: "transport"
    case .compute: "compute"
    case .verifier: "verifier"
    }
  }
}
