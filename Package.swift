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
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let protobuf = Target.Dependency.product(name: "SwiftProtobuf", package: "swift-protobuf")
let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
let x509 = Target.Dependency.product(name: "X509", package: "swift-certificates")
let asn1 = Target.Dependency.product(name: "SwiftASN1", package: "swift-asn1")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")


#if arch(x86_64)
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"], .when(platforms: [.linux]))]
#else
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

// MARK: - TON toolkit (issue 8)

let tonSwiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]


let tonProducts: [Product] = [
  .library(name: "TON", targets: ["TON"]),
  .library(name: "TONEmulator", targets: ["TONEmulator"]),
  .library(name: "TONCenter", targets: ["TONCenter"]),
  .library(name: "TONSandbox", targets: ["TONSandbox"]),
  .library(name: "TONCommandLine", targets: ["TONCommandLine"]),
  .executable(name: "cocoon-ton-sandbox", targets: ["cocoon-ton-sandbox"]),
  .executable(name: "ton-bench", targets: ["ton-bench"]),
]

let tonTargets: [Target] = [
  .target(
    name: "TON",
    dependencies: [
      .product(name: "BigInt", package: "BigInt"),
      .product(name: "Crypto", package: "swift-crypto"),
      .product(name: "_CryptoExtras", package: "swift-crypto"),
    ],
    path: "Modules/TON",
    exclude: ["README.md"],
    swiftSettings: tonSwiftSettings
  ),
  .target(
    name: "TONEmulator",
    dependencies: ["TON", .product(name: "BigInt", package: "BigInt")],
    path: "Modules/TONEmulator",
    swiftSettings: tonSwiftSettings
  ),
  .target(
    name: "TONCenter",
    dependencies: [
      "TON",
      .product(name: "BigInt", package: "BigInt"),
      .product(name: "AsyncHTTPClient", package: "async-http-client"),
      .product(name: "NIOCore", package: "swift-nio"),
      .product(name: "NIOHTTP1", package: "swift-nio"),
    ],
    path: "Modules/TONCenter",
    swiftSettings: tonSwiftSettings
  ),
  .target(
    name: "TONSandbox",
    dependencies: [
      "TON", "TONEmulator", "TONCenter",
      .product(name: "BigInt", package: "BigInt"),
      .product(name: "Hummingbird", package: "hummingbird"),
      .product(name: "HTTPTypes", package: "swift-http-types"),
      .product(name: "NIOCore", package: "swift-nio"),
      .product(name: "GRDB", package: "GRDB.swift"),
      .product(name: "Yams", package: "Yams"),
      .product(name: "Logging", package: "swift-log"),
    ],
    path: "Modules/TONSandbox",
    swiftSettings: tonSwiftSettings
  ),
  .executableTarget(
    name: "cocoon-ton-sandbox",
    dependencies: [
      "TON", "TONSandbox",
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ],
    path: "Apps/cocoon-ton-sandbox",
    swiftSettings: tonSwiftSettings
  ),
  .executableTarget(
    name: "ton-bench",
    dependencies: ["TON"],
    path: "Tools/bench/TONBench",
    swiftSettings: tonSwiftSettings
  ),
  .target(
    name: "TONCommandLine",
    dependencies: [
      "TON", "TONCenter",
      .product(name: "BigInt", package: "BigInt"),
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ],
    path: "Modules/TONCommandLine",
    swiftSettings: tonSwiftSettings
  ),
  .testTarget(
    name: "TONSandboxTests",
    dependencies: [
      "TON", "TONCenter", "TONEmulator", "TONSandbox", "TONCommandLine", "cocoon-ton-sandbox", "CocoonTestSupport",
      .product(name: "BigInt", package: "BigInt"),
      .product(name: "Hummingbird", package: "hummingbird"),
      .product(name: "HTTPTypes", package: "swift-http-types"),
      .product(name: "NIOCore", package: "swift-nio"),
      .product(name: "Logging", package: "swift-log"),
    ],
    path: "Tests/TONSandboxTests",
    swiftSettings: tonSwiftSettings
  ),
  .testTarget(
    name: "TONEmulatorTests",
    dependencies: ["TON", "TONEmulator", .product(name: "BigInt", package: "BigInt")],
    path: "Tests/TONEmulatorTests",
    swiftSettings: tonSwiftSettings
  ),
  .testTarget(
    name: "TONTests",
    dependencies: [
      "TON", .product(name: "BigInt", package: "BigInt"), .product(name: "Crypto", package: "swift-crypto"),
    ],
    path: "Tests/TONTests",
    swiftSettings: tonSwiftSettings
  ),
]

// MARK: - TON contracts (issue 9)

let tonContractProducts: [Product] = [
  .library(name: "CocoonTONContracts", targets: ["CocoonTONContracts"])
]

let tonContractTargets: [Target] = [
  .target(
    name: "CocoonTONContracts",
    dependencies: [
      "TON", "TONEmulator", .product(name: "BigInt", package: "BigInt"), .product(name: "Crypto", package: "swift-crypto"),
    ],
    path: "Plugins/Payment/TON/Contracts",
    exclude: ["fift", "build", "cocoon.tlb", "README.md"],
    swiftSettings: strictSettings
  ),
  .testTarget(
    name: "TONContractTests",
    dependencies: [
      "TON", "TONEmulator", "CocoonTONContracts", "CocoonTestSupport", .product(name: "BigInt", package: "BigInt"),
    ],
    path: "Tests/TONContractTests",
    swiftSettings: strictSettings
  ),
]

// MARK: - TON payment plugin (issue 9, parts 4–5)

let tonPaymentProducts: [Product] = [
  .library(name: "CocoonPaymentTON", targets: ["CocoonPaymentTON"])
]

let tonPaymentTargets: [Target] = [
  .target(
    name: "CocoonPaymentTON",
    dependencies: [
      "CocoonCore", "CocoonAccounting", "TON", "TONCenter", "TONEmulator", "CocoonTONContracts",
      .product(name: "BigInt", package: "BigInt"), logging,
    ],
    path: "Plugins/Payment/TON/Plugin",
    exclude: ["README.md"],
    swiftSettings: strictSettings
  ),
  .testTarget(
    name: "PaymentTONTests",
    dependencies: [
      "CocoonCore", "CocoonAccounting", "CocoonPaymentConformance", "CocoonPaymentTON", "CocoonTONContracts", "TON",
      "TONCenter", "TONEmulator", "TONSandbox", .product(name: "BigInt", package: "BigInt"), logging,
    ],
    path: "Tests/PaymentTONTests",
    swiftSettings: strictSettings
  ),
]

let package = Package(
  name: "Cocoon",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "CocoonCore", targets: ["CocoonCore"]),
    .library(name: "CocoonConfig", targets: ["CocoonConfig"]),
    .library(name: "CocoonRuntime", targets: ["CocoonRuntime"]),
    .library(name: "CocoonAccounting", targets: ["CocoonAccounting"]),
    .library(name: "CocoonPaymentConformance", targets: ["CocoonPaymentConformance"]),
    .library(name: "CocoonPaymentLocal", targets: ["CocoonPaymentLocal"]),
    .library(name: "CocoonAttestationTDX", targets: ["CocoonAttestationTDX"]),
    .library(name: "CocoonAttestationSEVSNP", targets: ["CocoonAttestationSEVSNP"]),
    .library(name: "CocoonAttestationInsecure", targets: ["CocoonAttestationInsecure"]),
    .library(name: "CocoonAttestationCLI", targets: ["CocoonAttestationCLI"]),
    .library(name: "CocoonCPUEngine", targets: ["CocoonCPUEngine"]),
    .library(name: "CocoonCPUPlugin", targets: ["CocoonCPUPlugin"]),
    .library(name: "CocoonComputeCLI", targets: ["CocoonComputeCLI"]),
    .library(name: "CocoonCommandLine", targets: ["CocoonCommandLine"]),
    .library(name: "CocoonBuiltinPlugins", targets: ["CocoonBuiltinPlugins"]),
    .executable(name: "cocoon-node", targets: ["cocoon-node"]),
    .executable(name: "cocoon-coordinator", targets: ["cocoon-coordinator"]),
    .executable(name: "cocoon-client", targets: ["cocoon-client"]),
  ] + tonProducts + tonContractProducts + tonPaymentProducts,
  dependencies: [
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/attaswift/BigInt", .upToNextMajor(from: "6.0.1")),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
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
      dependencies: ["CocoonCore", "CocoonConfig", logging, lifecycle, unixSignals, crypto],
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

    .target(
      name: "CocoonAccounting",
      dependencies: ["CocoonCore", grdb, crypto],
      path: "Modules/CocoonAccounting",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonPaymentConformance",
      dependencies: ["CocoonCore", "CocoonAccounting"],
      path: "Modules/CocoonPaymentConformance",
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
      name: "CocoonPaymentLocal",
      dependencies: ["CocoonCore", "CocoonAccounting", grdb, crypto, logging],
      path: "Plugins/Payment/Local",
      swiftSettings: strictSettings
    ),

    // MARK: Attestation plugins
    .target(
      name: "CocoonAttestationTDX",
      dependencies: [
        "CocoonCore",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      path: "Plugins/Attestation/TDX",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonAttestationSEVSNP",
      dependencies: [
        "CocoonCore",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
      ],
      path: "Plugins/Attestation/SEVSNPMock",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonAttestationInsecure",
      dependencies: ["CocoonCore", .product(name: "Logging", package: "swift-log")],
      path: "Plugins/Attestation/Insecure",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonAttestationCLI",
      dependencies: [
        "CocoonCore", "CocoonAttestationTDX", "CocoonAttestationSEVSNP", "CocoonAttestationInsecure",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Apps/CocoonAttestationCLI",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "AttestationBench",
      dependencies: ["CocoonCore", "CocoonAttestationTDX", "CocoonAttestationSEVSNP"],
      path: "Tools/bench/AttestationBench",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "AttestationTDXTests",
      dependencies: [
        "CocoonAttestationTDX",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      path: "Tests/AttestationTDXTests",
      exclude: ["Golden"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "AttestationSEVSNPTests",
      dependencies: [
        "CocoonAttestationSEVSNP", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Tests/AttestationSEVSNPTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "AttestationInsecureTests",
      dependencies: ["CocoonAttestationInsecure", .product(name: "Logging", package: "swift-log")],
      path: "Tests/AttestationInsecureTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "AttestationCLITests",
      dependencies: [
        "CocoonAttestationCLI", "CocoonAttestationInsecure", "CocoonAttestationSEVSNP",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Tests/AttestationCLITests",
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

    .target(
      name: "CocoonTransportRATLS",
      dependencies: ["CocoonCore", "CocoonWire", logging, nioCore, nioSSL, x509, asn1, crypto],
      path: "Plugins/Transport/RATLS",
      exclude: ["README.md"],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "bench-ratls",
      dependencies: ["CocoonCore", "CocoonTransportRATLS", crypto],
      path: "Tools/bench/ratls",
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

    // MARK: Roles (libraries; never depend on a plugin)
    .target(
      name: "CocoonNode",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", "CocoonWire", "CocoonAccounting", logging, lifecycle, protobuf,
      ],
      path: "Modules/CocoonNode",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonCoordinator",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", "CocoonWire", "CocoonAccounting", logging, lifecycle, protobuf,
      ],
      path: "Modules/CocoonCoordinator",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonClient",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", "CocoonWire", "CocoonAccounting", logging, lifecycle, protobuf,
        hummingbird, httpTypes,
      ],
      path: "Modules/CocoonClient",
      swiftSettings: strictSettings
    ),

    // MARK: Apps: command line, built-in plugin wiring, thin mains
    .target(
      name: "CocoonCommandLine",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", "CocoonNode", "CocoonCoordinator", "CocoonClient",
        "CocoonAccounting", "CocoonAttestationCLI", "CocoonComputeCLI", "TONCommandLine", argumentParser, logging,
        lifecycle,
      ],
      path: "Apps/CocoonCommandLine",
      swiftSettings: strictSettings
    ),
    .target(
      name: "CocoonBuiltinPlugins",
      dependencies: [
        "CocoonCore", "CocoonRuntime", "CocoonPaymentLocal", "CocoonPaymentTON", "CocoonTransportTCP", "CocoonAttestationTDX",
        "CocoonAttestationSEVSNP", "CocoonAttestationInsecure", "CocoonCPUPlugin", "CocoonTransportRATLS",
      ],
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

    // MARK: Benchmarks (release builds only: swift run -c release bench-routing)
    .executableTarget(
      name: "bench-routing",
      dependencies: [
        "CocoonCore", "CocoonWire", "CocoonNode", "CocoonCoordinator", "CocoonClient", "CocoonTransportTCP",
        "CocoonAccounting", "CocoonPaymentLocal", logging,
      ],
      path: "Tools/bench/routing",
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
      name: "CocoonNetworkTests",
      dependencies: [
        "CocoonCore", "CocoonWire", "CocoonNode", "CocoonCoordinator", "CocoonClient", "CocoonTransportTCP",
        "CocoonAccounting", "CocoonPaymentLocal", logging, lifecycle, nioCore, nioPosix, protobuf, grdb,
        .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
      ],
      path: "Tests/CocoonNetworkTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CocoonClientTests",
      dependencies: [
        "CocoonCore", "CocoonClient", "CocoonTestSupport", logging, hummingbird, httpTypes,
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ],
      path: "Tests/CocoonClientTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CocoonAppsTests",
      dependencies: [
        "CocoonCore", "CocoonAccounting", "cocoon-node", "cocoon-coordinator", "cocoon-client", "cocoon-node-echo",
        "cocoon-ton-sandbox", "CocoonTestSupport", grdb, crypto,
      ],
      path: "Tests/CocoonAppsTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CocoonAccountingTests",
      dependencies: ["CocoonCore", "CocoonAccounting", "AccountingCrashHarness", "CocoonTestSupport", grdb],
      path: "Tests/CocoonAccountingTests",
      swiftSettings: strictSettings
    ),
    .target(name: "CocoonTestSupport", path: "Tests/Support", swiftSettings: strictSettings),
    .executableTarget(
      name: "AccountingCrashHarness",
      dependencies: ["CocoonCore", "CocoonAccounting"],
      path: "Tests/AccountingCrashHarness",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "PaymentLocalTests",
      dependencies: [
        "CocoonCore", "CocoonAccounting", "CocoonPaymentLocal", "CocoonPaymentConformance", "CocoonTestSupport", grdb,
      ],
      path: "Tests/PaymentLocalTests",
      swiftSettings: strictSettings
    ),
  ] + tonTargets + tonContractTargets + tonPaymentTargets
)
