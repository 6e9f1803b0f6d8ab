// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Cocoon",
  platforms: [.macOS(.v15)],
  products: [],
  dependencies: [],
  targets: []
)
