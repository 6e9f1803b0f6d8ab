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
      if let bytes = hexBytes(model.weightsSHA256), bytes.count == 32 { models[model.name.rawValue] = bytes }
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

  static func hexBytes(_ text: String) -> [UInt8]? {
    let characters = Array(text.utf8)
    guard characters.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: characters.count, by: 2) {
      guard let byte = UInt8(String(decoding: characters[index..<index + 2], as: UTF8.self), radix: 16) else {
        return nil
      }
      bytes.append(byte)
    }
    return bytes
  }
}
