import BigInt
import CocoonCore
import CocoonTONContracts
import Foundation

/// The initial registry of a sandbox root contract, from the deployment's `registry:` section.
enum TONRegistrySeed {
  static func registry(_ seed: RegistrySnapshot?) -> Registry {
    guard let seed else {
      return Registry(
        parameters: .init(
          pricePerToken: 1_000, nodeFeePerToken: 800, minimumClientStake: 1_000_000_000, minimumNodeStake: 0,
          minimumCoordinatorStake: 0, clientCloseDelay: 60, coordinatorCloseDelay: 60),
        images: [:], models: [:], coordinators: [])
    }
    var images: [[UInt8]: Registry.Roles] = [:]
    for (role, hashes) in seed.allowedImageHashes {
      let flag: Registry.Roles =
        switch role {
        case .node: .node
        case .coordinator: .coordinator
        case .client: .client
        }
      for hash in hashes { images[[UInt8](hash), default: []].insert(flag) }
    }
    var models: [String: [UInt8]] = [:]
    for model in seed.models {
      if let bytes = Data(exactHex: model.weightsSHA256), bytes.count == 32 { models[model.name.rawValue] = [UInt8](bytes) }
    }
    let prices = seed.prices
    let delay = UInt32(clamping: seed.clientCloseDelay)
    return Registry(
      parameters: .init(
        pricePerToken: prices.pricePerToken, nodeFeePerToken: prices.nodeFeePerToken,
        promptMultiplier: UInt32(clamping: prices.promptMultiplier),
        cachedMultiplier: UInt32(clamping: prices.cachedMultiplier),
        completionMultiplier: UInt32(clamping: prices.completionMultiplier),
        reasoningMultiplier: UInt32(clamping: prices.reasoningMultiplier),
        minimumClientStake: BigUInt(seed.minimumClientStake.rawValue),
        minimumNodeStake: BigUInt(seed.minimumNodeStake.rawValue),
        minimumCoordinatorStake: 0, clientCloseDelay: delay, coordinatorCloseDelay: delay),
      images: images, models: models, coordinators: [])
  }
}
