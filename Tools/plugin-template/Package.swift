// swift-tools-version:6.1
// A third-party Cocoon plugin: a compute backend in its own package, with its own cocoon-node.
// Copy this folder out of the Cocoon repository and change the path below to a URL and version.
import PackageDescription

let package = Package(
  name: "cocoon-plugin-template",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Cocoon", path: "../..")
  ],
  targets: [
    // The plugin: depends on CocoonCore only (and whatever libraries it needs).
    .target(
      name: "EchoCompute",
      dependencies: [.product(name: "CocoonCore", package: "Cocoon")],
      path: "Sources/EchoCompute",
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),
    // Its own cocoon-node: the built-in plugins plus this one.
    .executableTarget(
      name: "cocoon-node-echo",
      dependencies: [
        "EchoCompute",
        .product(name: "CocoonRuntime", package: "Cocoon"),
        .product(name: "CocoonCommandLine", package: "Cocoon"),
        .product(name: "CocoonBuiltinPlugins", package: "Cocoon"),
      ],
      path: "Sources/cocoon-node-echo",
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),
  ]
)
