public import CocoonCore

/// `coordinator:` — the router between clients and nodes.
public struct CoordinatorSection: Decodable, Sendable, Hashable {
  /// Where nodes and clients connect.
  public var listen: Endpoint
  /// The accounting database (SQLite), relative to the config file.
  public var database: String
  public var attestation: PluginSelection
  public var transport: PluginSelection
  /// Extra verifiers for evidence kinds other than the coordinator's own.
  public var verifiers: [PluginSelection]?
  /// Requests waiting for a free node before new ones get "overloaded".
  public var maxQueuedRequests: Int
  /// Seconds between settlements with the ledger (submitting charges, committing a checkpoint).
  public var settleIntervalSeconds: Int

  private enum CodingKeys: String, CodingKey {
    case listen, database, attestation, transport, verifiers, maxQueuedRequests, settleIntervalSeconds
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    listen = try container.decode(Endpoint.self, forKey: .listen)
    database = try container.decode(String.self, forKey: .database)
    attestation = try container.decode(PluginSelection.self, forKey: .attestation)
    transport = try container.decode(PluginSelection.self, forKey: .transport)
    verifiers = try container.decodeIfPresent([PluginSelection].self, forKey: .verifiers)
    maxQueuedRequests = try container.decodeIfPresent(Int.self, forKey: .maxQueuedRequests, in: 0...1_000_000) ?? 1024
    settleIntervalSeconds =
      try container.decodeIfPresent(Int.self, forKey: .settleIntervalSeconds, in: 1...86_400) ?? 30
  }
}

/// `node:` — serves models and connects out to coordinators.
public struct NodeSection: Decodable, Sendable, Hashable {
  /// A model the node serves.
  public struct Model: Decodable, Sendable, Hashable {
    /// The name clients ask for.
    public var name: String
    /// The weights file, relative to the config file.
    public var path: String
    /// Expected SHA-256 of the weights file.
    public var sha256: SHA256Hex?
  }

  public var coordinators: [Endpoint]
  public var attestation: PluginSelection
  public var transport: PluginSelection
  public var compute: PluginSelection
  public var verifiers: [PluginSelection]?
  public var models: [Model]
  /// Requests served at once; more wait at the coordinator.
  public var maxActiveRequests: Int

  private enum CodingKeys: String, CodingKey {
    case coordinators, attestation, transport, compute, verifiers, models, maxActiveRequests
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    coordinators = try container.decode([Endpoint].self, forKey: .coordinators)
    attestation = try container.decode(PluginSelection.self, forKey: .attestation)
    transport = try container.decode(PluginSelection.self, forKey: .transport)
    compute = try container.decode(PluginSelection.self, forKey: .compute)
    verifiers = try container.decodeIfPresent([PluginSelection].self, forKey: .verifiers)
    models = try container.decode([Model].self, forKey: .models)
    maxActiveRequests = try container.decodeIfPresent(Int.self, forKey: .maxActiveRequests, in: 1...4096) ?? 4
  }
}

/// `client:` — the OpenAI-compatible API beside an application.
public struct ClientSection: Decodable, Sendable, Hashable {
  /// Where the HTTP API listens (keep it on loopback).
  public var listen: Endpoint
  public var coordinators: [Endpoint]
  public var transport: PluginSelection
  /// The client's own attestation, if it runs in a TEE; otherwise it presents none.
  public var attestation: PluginSelection?
  /// Verifiers for the coordinators' evidence.
  public var verifiers: [PluginSelection]
  /// When set, API calls must carry `Authorization: Bearer <token>`. Use `${VAR}` to keep it out of the file.
  public var httpAccessToken: String?
}

/// The whole `cocoon.yaml`.
public struct CocoonConfiguration: Decodable, Sendable, Hashable {
  public var network: NetworkSection
  /// The ledger: which payment plugin, and its options.
  public var payment: PluginSelection
  public var registry: RegistrySection?
  public var coordinator: CoordinatorSection?
  public var node: NodeSection?
  public var client: ClientSection?
}
