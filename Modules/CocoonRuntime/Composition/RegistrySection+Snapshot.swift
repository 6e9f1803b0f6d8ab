public import CocoonConfig
public import CocoonCore
import Foundation

extension RegistrySection {
  /// The registry as the payment plugins see it (no coordinators: they register themselves on the ledger).
  public var snapshot: RegistrySnapshot {
    func hashes(_ list: [SHA256Hex]?) -> Set<Data> { Set((list ?? []).compactMap { Data(hexString: $0.value) }) }
    return RegistrySnapshot(
      allowedImageHashes: [.node: hashes(allowedImages?.node), .coordinator: hashes(allowedImages?.coordinator)],
      models: models.map { RegisteredModel(name: ModelID($0.name), weightsSHA256: $0.sha256.value) },
      coordinators: [],
      prices: Prices(
        pricePerToken: prices.pricePerToken, nodeFeePerToken: prices.nodeFeePerToken,
        promptMultiplier: prices.promptMultiplier, cachedMultiplier: prices.cachedMultiplier,
        completionMultiplier: prices.completionMultiplier, reasoningMultiplier: prices.reasoningMultiplier),
      minimumClientStake: NanoAmount(minClientStakeNano), minimumNodeStake: NanoAmount(minNodeStakeNano ?? 0),
      clientCloseDelay: clientCloseDelaySeconds)
  }
}
