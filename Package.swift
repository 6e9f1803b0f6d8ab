// swift-tools-version:6.1
import PackageDescription

/// Settings every Cocoon target shares: Swift 6 mode and the upcoming features that keep imports honest.
let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The CPU engine's kernels are compiled optimised in every configuration (a debug build of them is ~50× slower,
/// too slow for the model tests CI runs in debug), for Haswell-level x86-64 (AVX2, FMA, F16C) on x86-64 Linux hosts.
#if arch(x86_64)
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"], .when(platforms: [.linux]))]
#else
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

let package = Package(
  name: "Cocoon",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "CocoonCore", targets: ["CocoonCore"]),
    // Compute/CPU: the Swift inference engine, its plugin and its operator command.
    .library(name: "CocoonCPUEngine", targets: ["CocoonCPUEngine"]),
    .library(name: "CocoonCPUPlugin", targets: ["CocoonCPUPlugin"]),
    .library(name: "CocoonComputeCLI", targets: ["CocoonComputeCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .target(
      name: "CocoonCore",
      dependencies: [.product(name: "Logging", package: "swift-log")],
      path: "Modules/CocoonCore",
      swiftSettings: strictSettings
    ),

    // MARK: Compute/CPU
    .target(
      name: "CocoonCPUKernels",
      path: "Plugins/Compute/CPU/Kernels",
      cSettings: [.unsafeFlags(["-O2"])]
    ),
    .target(
      name: "CocoonCPUEngine",
      dependencies: ["CocoonCore", "CocoonCPUKernels"],
      path: "Plugins/Compute/CPU/Engine",
      swiftSettings: strictSettings + engineSettings
    ),
    .target(
      name: "CocoonCPUPlugin",
      dependencies: ["CocoonCore", "CocoonCPUEngine", .product(name: "Crypto", package: "swift-crypto")],
      path: "Plugins/Compute/CPU/Plugin",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonComputeCLI",
      dependencies: ["CocoonCPUEngine", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Apps/CocoonComputeCLI",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "cpu-generate",
      dependencies: ["CocoonComputeCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Tools/cpu/generate",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "cpu-bench",
      dependencies: ["CocoonCPUEngine"],
      path: "Tools/bench/cpu/Sources",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CPUEngineTests",
      dependencies: ["CocoonCPUEngine", "CocoonCPUPlugin", "CocoonCore"],
      path: "Tests/CPUEngineTests",
      swiftSettings: strictSettings
    ),
  ]
)
