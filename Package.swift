// swift-tools-version:6.1
import PackageDescription

// MARK: - TON toolkit (issue 8)

let tonSwiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let tonPackages: [Package.Dependency] = [
  .package(url: "https://github.com/attaswift/BigInt", .upToNextMajor(from: "6.0.1")),
  .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
  .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
  .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
  .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
      "TON", "TONCenter", "TONEmulator", "TONSandbox", "TONCommandLine", "cocoon-ton-sandbox",
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

// MARK: - Package

let package = Package(
  name: "Cocoon",
  platforms: [.macOS(.v15)],
  products: tonProducts,
  dependencies: tonPackages,
  targets: tonTargets
)
