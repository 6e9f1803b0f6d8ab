// swift-tools-version:6.1
import PackageDescription

/// Settings every Cocoon target shares: Swift 6 mode and the upcoming features that keep imports honest.
let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let lifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let unixSignals = Target.Dependency.product(name: "UnixSignals", package: "swift-service-lifecycle")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")

let package = Package(
  name: "Cocoon",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "CocoonCore", targets: ["CocoonCore"]),
    .library(name: "CocoonConfig", targets: ["CocoonConfig"]),
    .library(name: "CocoonRuntime", targets: ["CocoonRuntime"]),
    .library(name: "CocoonCommandLine", targets: ["CocoonCommandLine"]),
    .library(name: "CocoonBuiltinPlugins", targets: ["CocoonBuiltinPlugins"]),
    .executable(name: "cocoon-node", targets: ["cocoon-node"]),
    .executable(name: "cocoon-coordinator", targets: ["cocoon-coordinator"]),
    .executable(name: "cocoon-client", targets: ["cocoon-client"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
  ],
  targets: [
    // MARK: Core modules (no plugin code)
    .target(
      name: "CocoonCore",
      dependencies: [logging],
      path: "Modules/CocoonCore",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonConfig",
      dependencies: ["CocoonCore", .product(name: "Yams", package: "Yams")],
      path: "Modules/CocoonConfig",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonRuntime",
      dependencies: ["CocoonCore", "CocoonConfig", logging, lifecycle, unixSignals],
      path: "Modules/CocoonRuntime",
      swiftSettings: strictSettings
    ),

    // MARK: Roles (libraries; never depend on a plugin)
    .target(
      name: "CocoonNode",
      dependencies: ["CocoonCore", "CocoonConfig", "CocoonRuntime", logging, lifecycle],
      path: "Modules/CocoonNode",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonCoordinator",
      dependencies: ["CocoonCore", "CocoonConfig", "CocoonRuntime", logging, lifecycle],
      path: "Modules/CocoonCoordinator",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonClient",
      dependencies: ["CocoonCore", "CocoonConfig", "CocoonRuntime", logging, lifecycle, hummingbird, httpTypes],
      path: "Modules/CocoonClient",
      swiftSettings: strictSettings
    ),

    // MARK: Apps: command line, built-in plugin wiring, thin mains
    .target(
      name: "CocoonCommandLine",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", "CocoonNode", "CocoonCoordinator", "CocoonClient",
        argumentParser, logging, lifecycle,
      ],
      path: "Apps/CocoonCommandLine",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonBuiltinPlugins",
      dependencies: ["CocoonCore", "CocoonRuntime"],
      path: "Apps/CocoonBuiltinPlugins",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "cocoon-node",
      dependencies: ["CocoonCommandLine", "CocoonBuiltinPlugins", "CocoonRuntime"],
      path: "Apps/cocoon-node",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "cocoon-coordinator",
      dependencies: ["CocoonCommandLine", "CocoonBuiltinPlugins", "CocoonRuntime"],
      path: "Apps/cocoon-coordinator",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "cocoon-client",
      dependencies: ["CocoonCommandLine", "CocoonBuiltinPlugins", "CocoonRuntime"],
      path: "Apps/cocoon-client",
      swiftSettings: strictSettings
    ),

    // MARK: The third-party plugin template, compiled in-repo so tests can run it
    .target(
      name: "EchoCompute",
      dependencies: ["CocoonCore"],
      path: "Tools/plugin-template/Sources/EchoCompute",
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),
    .executableTarget(
      name: "cocoon-node-echo",
      dependencies: ["EchoCompute", "CocoonRuntime", "CocoonCommandLine", "CocoonBuiltinPlugins"],
      path: "Tools/plugin-template/Sources/cocoon-node-echo",
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),

    // MARK: Tests
    .testTarget(
      name: "CocoonConfigTests",
      dependencies: ["CocoonCore", "CocoonConfig", "CocoonRuntime"],
      path: "Tests/CocoonConfigTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CocoonRuntimeTests",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", logging, lifecycle,
        .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
      ],
      path: "Tests/CocoonRuntimeTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CocoonClientTests",
      dependencies: [
        "CocoonCore", "CocoonClient", logging, hummingbird, httpTypes,
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ],
      path: "Tests/CocoonClientTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CocoonAppsTests",
      dependencies: ["CocoonCore", "cocoon-node", "cocoon-coordinator", "cocoon-client", "cocoon-node-echo"],
      path: "Tests/CocoonAppsTests",
      swiftSettings: strictSettings
    ),
  ]
)
