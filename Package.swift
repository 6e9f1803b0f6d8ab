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
]

let tonProducts: [Product] = [
  .library(name: "TON", targets: ["TON"]),
  .library(name: "TONEmulator", targets: ["TONEmulator"]),
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
    swiftSettings: tonSwiftSettings
  ),
  .target(
    name: "TONEmulator",
    dependencies: ["TON", .product(name: "BigInt", package: "BigInt")],
    path: "Modules/TONEmulator",
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
