// swift-tools-version:6.1
import PackageDescription

// Dependencies, named once.
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let asn1 = Target.Dependency.product(name: "SwiftASN1", package: "swift-asn1")
let asyncHTTPClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
let bigInt = Target.Dependency.product(name: "BigInt", package: "BigInt")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let cryptoExtras = Target.Dependency.product(name: "_CryptoExtras", package: "swift-crypto")
let dequeModule = Target.Dependency.product(name: "DequeModule", package: "swift-collections")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let lifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let lifecycleTestKit = Target.Dependency.product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let nioSSL = Target.Dependency.product(name: "NIOSSL", package: "swift-nio-ssl")
let protobuf = Target.Dependency.product(name: "SwiftProtobuf", package: "swift-protobuf")
let unixSignals = Target.Dependency.product(name: "UnixSignals", package: "swift-service-lifecycle")
let x509 = Target.Dependency.product(name: "X509", package: "swift-certificates")
let yams = Target.Dependency.product(name: "Yams", package: "Yams")

#if arch(x86_64)
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"], .when(platforms: [.linux]))]
#else
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

// MARK: - TON toolkit

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
      bigInt,
      crypto,
      cryptoExtras,
    ],
    path: "Modules/TON",
    exclude: ["README.md"],
  ),
  .target(
    name: "TONEmulator",
    dependencies: ["TON", bigInt],
    path: "Modules/TONEmulator",
  ),
  .target(
    name: "TONCenter",
    dependencies: [
      "TON",
      bigInt,
      asyncHTTPClient,
      nioCore,
      nioHTTP1,
    ],
    path: "Modules/TONCenter",
  ),
  .target(
    name: "TONSandbox",
    dependencies: [
      "TON", "TONEmulator", "TONCenter",
      bigInt,
      hummingbird,
      httpTypes,
      nioCore,
      grdb,
      yams,
      logging,
    ],
    path: "Modules/TONSandbox",
  ),
  .executableTarget(
    name: "cocoon-ton-sandbox",
    dependencies: [
      "TON", "TONSandbox",
      argumentParser,
    ],
    path: "Apps/cocoon-ton-sandbox",
  ),
  .executableTarget(
    name: "ton-bench",
    dependencies: ["TON"],
    path: "Tools/bench/TONBench",
  ),
  .target(
    name: "TONCommandLine",
    dependencies: [
      "TON", "TONCenter",
      bigInt,
      argumentParser,
    ],
    path: "Modules/TONCommandLine",
  ),
  .testTarget(
    name: "TONSandboxTests",
    dependencies: [
      "TON", "TONCenter", "TONEmulator", "TONSandbox", "TONCommandLine", "cocoon-ton-sandbox", "CocoonTestSupport",
      bigInt,
      hummingbird,
      httpTypes,
      nioCore,
      logging,
    ],
    path: "Tests/TONSandboxTests",
  ),
  .testTarget(
    name: "TONEmulatorTests",
    dependencies: ["TON", "TONEmulator", bigInt],
    path: "Tests/TONEmulatorTests",
  ),
  .testTarget(
    name: "TONTests",
    dependencies: [
      "TON", bigInt, crypto,
    ],
    path: "Tests/TONTests",
  ),
]

// MARK: - TON contracts

let tonContractProducts: [Product] = [
  .library(name: "CocoonTONContracts", targets: ["CocoonTONContracts"])
]

let tonContractTargets: [Target] = [
  .target(
    name: "CocoonTONContracts",
    dependencies: [
      "TON", "TONEmulator", bigInt, crypto,
    ],
    path: "Plugins/Payment/TON/Contracts",
    exclude: ["fift", "build", "cocoon.tlb", "README.md"],
  ),
  .testTarget(
    name: "TONContractTests",
    dependencies: [
      "TON", "TONEmulator", "CocoonTONContracts", "CocoonTestSupport", bigInt,
    ],
    path: "Tests/TONContractTests",
  ),
]

// MARK: - TON payment plugin

let tonPaymentProducts: [Product] = [
  .library(name: "CocoonPaymentTON", targets: ["CocoonPaymentTON"])
]

let tonPaymentTargets: [Target] = [
  .target(
    name: "CocoonPaymentTON",
    dependencies: [
      "CocoonCore", "CocoonAccounting", "TON", "TONCenter", "TONEmulator", "CocoonTONContracts",
      bigInt, logging,
    ],
    path: "Plugins/Payment/TON/Plugin",
    exclude: ["README.md"],
  ),
  .testTarget(
    name: "PaymentTONTests",
    dependencies: [
      "CocoonCore", "CocoonAccounting", "CocoonPaymentConformance", "CocoonPaymentTON", "CocoonTONContracts", "TON",
      "TONCenter", "TONEmulator", "TONSandbox", bigInt, logging,
    ],
    path: "Tests/PaymentTONTests",
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
    .library(name: "CocoonInference", targets: ["CocoonInference"]),
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
    ),
    .target(
      name: "CocoonConfig",
      dependencies: ["CocoonCore", yams],
      path: "Modules/CocoonConfig",
    ),
    .target(
      name: "CocoonRuntime",
      dependencies: ["CocoonCore", "CocoonConfig", logging, lifecycle, unixSignals, crypto],
      path: "Modules/CocoonRuntime",
    ),

    .target(
      name: "CocoonWire",
      dependencies: [
        "CocoonCore", logging, nioCore, nioPosix,
        protobuf,
        dequeModule,
      ],
      path: "Modules/CocoonWire",
      exclude: ["Proto"],
    ),

    .target(
      name: "CocoonAccounting",
      dependencies: ["CocoonCore", grdb, crypto],
      path: "Modules/CocoonAccounting",
    ),
    .target(
      name: "CocoonPaymentConformance",
      dependencies: ["CocoonCore", "CocoonAccounting"],
      path: "Modules/CocoonPaymentConformance",
    ),

    // MARK: Plugins (each depends on CocoonCore and libraries, never on a role or another plugin)
    .target(
      name: "CocoonTransportTCP",
      dependencies: ["CocoonCore", "CocoonWire", logging, nioCore],
      path: "Plugins/Transport/TCP",
    ),
    .target(
      name: "CocoonPaymentLocal",
      dependencies: ["CocoonCore", "CocoonAccounting", grdb, crypto, logging],
      path: "Plugins/Payment/Local",
    ),

    // MARK: Attestation plugins
    .target(
      name: "CocoonAttestationTDX",
      dependencies: [
        "CocoonCore",
        crypto,
        x509,
        asn1,
        asyncHTTPClient,
        nioCore,
        nioHTTP1,
      ],
      path: "Plugins/Attestation/TDX",
    ),
    .target(
      name: "CocoonAttestationSEVSNP",
      dependencies: [
        "CocoonCore",
        crypto,
        cryptoExtras,
        x509,
        asn1,
      ],
      path: "Plugins/Attestation/SEVSNPMock",
    ),
    .target(
      name: "CocoonAttestationInsecure",
      dependencies: ["CocoonCore", logging],
      path: "Plugins/Attestation/Insecure",
    ),
    .target(
      name: "CocoonAttestationCLI",
      dependencies: [
        "CocoonCore", "CocoonAttestationTDX", "CocoonAttestationSEVSNP", "CocoonAttestationInsecure",
        argumentParser,
      ],
      path: "Apps/CocoonAttestationCLI",
    ),
    .executableTarget(
      name: "AttestationBench",
      dependencies: ["CocoonCore", "CocoonAttestationTDX", "CocoonAttestationSEVSNP"],
      path: "Tools/bench/AttestationBench",
    ),
    .testTarget(
      name: "AttestationTDXTests",
      dependencies: [
        "CocoonAttestationTDX",
        crypto,
        x509,
        asn1,
        nioCore,
        nioPosix,
        nioHTTP1,
      ],
      path: "Tests/AttestationTDXTests",
      exclude: ["Golden"],
    ),
    .testTarget(
      name: "AttestationSEVSNPTests",
      dependencies: [
        "CocoonAttestationSEVSNP", crypto,
        logging,
      ],
      path: "Tests/AttestationSEVSNPTests",
    ),
    .testTarget(
      name: "AttestationInsecureTests",
      dependencies: ["CocoonAttestationInsecure", logging],
      path: "Tests/AttestationInsecureTests",
    ),
    .testTarget(
      name: "AttestationCLITests",
      dependencies: [
        "CocoonAttestationCLI", "CocoonAttestationInsecure", "CocoonAttestationSEVSNP",
        argumentParser,
      ],
      path: "Tests/AttestationCLITests",
    ),

    // MARK: Inference core (device-neutral: GGUF, tokenizer, chat, sampler, stop scanning)
    .target(
      name: "CocoonInference",
      dependencies: ["CocoonCore"],
      path: "Modules/CocoonInference",
      exclude: ["README.md"],
      swiftSettings: engineSettings
    ),
    .testTarget(
      name: "CocoonInferenceTests",
      dependencies: ["CocoonInference", "CocoonCore"],
      path: "Tests/CocoonInferenceTests",
    ),

    // MARK: Compute/CPU
    .target(
      name: "CocoonCPUKernels",
      path: "Plugins/Compute/CPU/Kernels",
      cSettings: [.unsafeFlags(["-O2"])]
    ),
    .target(
      name: "CocoonCPUEngine",
      dependencies: ["CocoonCore", "CocoonInference", "CocoonCPUKernels"],
      path: "Plugins/Compute/CPU/Engine",
      swiftSettings: engineSettings
    ),
    .target(
      name: "CocoonCPUPlugin",
      dependencies: ["CocoonCore", "CocoonInference", "CocoonCPUEngine", crypto],
      path: "Plugins/Compute/CPU/Plugin",
    ),
    .target(
      name: "CocoonComputeCLI",
      dependencies: ["CocoonInference", "CocoonCPUEngine", argumentParser],
      path: "Apps/CocoonComputeCLI",
    ),
    .executableTarget(
      name: "cpu-generate",
      dependencies: ["CocoonComputeCLI", argumentParser],
      path: "Tools/cpu/generate",
    ),
    .executableTarget(
      name: "cpu-bench",
      dependencies: ["CocoonInference", "CocoonCPUEngine"],
      path: "Tools/bench/cpu/Sources",
    ),
    .testTarget(
      name: "CPUEngineTests",
      dependencies: ["CocoonInference", "CocoonCPUEngine", "CocoonCPUPlugin", "CocoonCore"],
      path: "Tests/CPUEngineTests",
    ),

    .target(
      name: "CocoonTransportRATLS",
      dependencies: ["CocoonCore", "CocoonWire", logging, nioCore, nioSSL, x509, asn1, crypto],
      path: "Plugins/Transport/RATLS",
      exclude: ["README.md"],
    ),
    .executableTarget(
      name: "bench-ratls",
      dependencies: ["CocoonCore", "CocoonTransportRATLS", crypto],
      path: "Tools/bench/ratls",
    ),
    .testTarget(
      name: "TransportRATLSTests",
      dependencies: [
        "CocoonCore", "CocoonTransportRATLS", "CocoonTransportTCP", logging, nioCore, nioPosix, nioSSL, x509, asn1, crypto,
      ],
      path: "Tests/TransportRATLSTests",
    ),

    // MARK: Roles (libraries; never depend on a plugin)
    .target(
      name: "CocoonNode",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", "CocoonWire", "CocoonAccounting", logging, lifecycle,
      ],
      path: "Modules/CocoonNode",
    ),
    .target(
      name: "CocoonCoordinator",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", "CocoonWire", "CocoonAccounting", logging, lifecycle,
      ],
      path: "Modules/CocoonCoordinator",
    ),
    .target(
      name: "CocoonClient",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", "CocoonWire", "CocoonAccounting", logging, lifecycle,
        hummingbird, httpTypes,
      ],
      path: "Modules/CocoonClient",
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
    ),
    .target(
      name: "CocoonBuiltinPlugins",
      dependencies: [
        "CocoonCore", "CocoonRuntime", "CocoonPaymentLocal", "CocoonPaymentTON", "CocoonTransportTCP", "CocoonAttestationTDX",
        "CocoonAttestationSEVSNP", "CocoonAttestationInsecure", "CocoonCPUPlugin", "CocoonTransportRATLS",
      ],
      path: "Apps/CocoonBuiltinPlugins",
    ),
    .executableTarget(
      name: "cocoon-node",
      dependencies: ["CocoonCommandLine", "CocoonBuiltinPlugins", "CocoonRuntime"],
      path: "Apps/cocoon-node",
    ),
    .executableTarget(
      name: "cocoon-coordinator",
      dependencies: ["CocoonCommandLine", "CocoonBuiltinPlugins", "CocoonRuntime"],
      path: "Apps/cocoon-coordinator",
    ),
    .executableTarget(
      name: "cocoon-client",
      dependencies: ["CocoonCommandLine", "CocoonBuiltinPlugins", "CocoonRuntime"],
      path: "Apps/cocoon-client",
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
    ),

    // MARK: Tests
    .testTarget(
      name: "CocoonConfigTests",
      dependencies: ["CocoonCore", "CocoonConfig", "CocoonRuntime"],
      path: "Tests/CocoonConfigTests",
    ),
    .testTarget(
      name: "CocoonRuntimeTests",
      dependencies: [
        "CocoonCore", "CocoonConfig", "CocoonRuntime", logging, lifecycle,
        lifecycleTestKit,
      ],
      path: "Tests/CocoonRuntimeTests",
    ),
    .testTarget(
      name: "CocoonNetworkTests",
      dependencies: [
        "CocoonCore", "CocoonWire", "CocoonNode", "CocoonCoordinator", "CocoonClient", "CocoonTransportTCP",
        "CocoonAccounting", "CocoonPaymentLocal", logging, lifecycle, nioCore, nioPosix, protobuf, grdb,
        lifecycleTestKit,
      ],
      path: "Tests/CocoonNetworkTests",
    ),
    .testTarget(
      name: "CocoonClientTests",
      dependencies: [
        "CocoonCore", "CocoonClient", "CocoonTestSupport", logging, hummingbird, httpTypes,
        hummingbirdTesting,
      ],
      path: "Tests/CocoonClientTests",
    ),
    .testTarget(
      name: "CocoonAppsTests",
      dependencies: [
        "CocoonCore", "CocoonAccounting", "cocoon-node", "cocoon-coordinator", "cocoon-client", "cocoon-node-echo",
        "cocoon-ton-sandbox", "CocoonTestSupport", grdb, crypto,
      ],
      path: "Tests/CocoonAppsTests",
    ),
    .testTarget(
      name: "CocoonAccountingTests",
      dependencies: ["CocoonCore", "CocoonAccounting", "AccountingCrashHarness", "CocoonTestSupport", grdb],
      path: "Tests/CocoonAccountingTests",
    ),
    .target(name: "CocoonTestSupport", path: "Tests/Support"),
    .executableTarget(
      name: "AccountingCrashHarness",
      dependencies: ["CocoonCore", "CocoonAccounting"],
      path: "Tests/AccountingCrashHarness",
    ),
    .testTarget(
      name: "PaymentLocalTests",
      dependencies: [
        "CocoonCore", "CocoonAccounting", "CocoonPaymentLocal", "CocoonPaymentConformance", "CocoonTestSupport", grdb,
      ],
      path: "Tests/PaymentLocalTests",
    ),
  ] + tonTargets + tonContractTargets + tonPaymentTargets
)

/// Settings every Cocoon target shares: Swift 6 mode and the upcoming features that keep imports honest. The plugin
/// template's targets keep only the settings a third-party package would have (they are built here so tests can
/// run them).
let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

for target in package.targets where target.type != .system && target.type != .binary && target.type != .plugin {
  if (target.path ?? "").hasPrefix("Tools/plugin-template/") { continue }
  target.swiftSettings = strictSettings + (target.swiftSettings ?? [])
}
