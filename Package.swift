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
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
let x509 = Target.Dependency.product(name: "X509", package: "swift-certificates")
let asn1 = Target.Dependency.product(name: "SwiftASN1", package: "swift-asn1")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")

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
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
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

    .target(
      name: "CocoonWire",
      dependencies: [
        "CocoonCore", logging, nioCore, nioPosix,
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "DequeModule", package: "swift-collections"),
      ],
      path: "Modules/CocoonWire",
      exclude: ["Proto"],
      swiftSettings: strictSettings
    ),

    // MARK: Plugins (each depends on CocoonCore and libraries, never on a role or another plugin)
    .target(
      name: "CocoonTransportTCP",
      dependencies: ["CocoonCore", "CocoonWire", logging, nioCore],
      path: "Plugins/Transport/TCP",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonTransportRATLS",
      dependencies: ["CocoonCore", "CocoonWire", logging, nioCore, nioSSL, x509, asn1, crypto],
      path: "Plugins/Transport/RATLS",
      exclude: ["README.md"],
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
      dependencies: ["CocoonCore", "CocoonConfig", "CocoonRuntime", logging, lifecycle],
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
      dependencies: ["CocoonCore", "CocoonRuntime", "CocoonTransportTCP"],
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

    // MARK: Benchmarks (release builds: swift run -c release bench-…)
    .executableTarget(
      name: "bench-ratls",
      dependencies: ["CocoonCore", "CocoonTransportRATLS", crypto],
      path: "Tools/bench/ratls",
      swiftSettings: strictSettings
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
      name: "TransportRATLSTests",
      dependencies: [
        "CocoonCore", "CocoonTransportRATLS", "CocoonTransportTCP", logging, nioCore, nioPosix, nioSSL, x509, asn1, crypto,
      ],
      path: "Tests/TransportRATLSTests",
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
