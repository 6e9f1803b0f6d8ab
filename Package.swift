// swift-tools-version:6.1
import PackageDescription

/// Settings every Cocoon target shares: Swift 6 mode and the upcoming features that keep imports honest.
let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "Cocoon",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "CocoonCore", targets: ["CocoonCore"]),
    // Attestation plugins and their operator commands.
    .library(name: "CocoonAttestationTDX", targets: ["CocoonAttestationTDX"]),
    .library(name: "CocoonAttestationSEVSNP", targets: ["CocoonAttestationSEVSNP"]),
    .library(name: "CocoonAttestationInsecure", targets: ["CocoonAttestationInsecure"]),
    .library(name: "CocoonAttestationCLI", targets: ["CocoonAttestationCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    // Attestation: X.509, ECDSA/RSA-PSS, DER, operator commands.
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: [
    .target(
      name: "CocoonCore",
      dependencies: [.product(name: "Logging", package: "swift-log")],
      path: "Modules/CocoonCore",
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
  ]
)
