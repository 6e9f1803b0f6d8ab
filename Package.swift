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
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    .target(
      name: "CocoonCore",
      dependencies: [.product(name: "Logging", package: "swift-log")],
      path: "Modules/CocoonCore",
      swiftSettings: strictSettings
    ),
  ]
)
