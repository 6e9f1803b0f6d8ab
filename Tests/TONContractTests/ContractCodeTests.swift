import CocoonTONContracts
import Foundation
import TON
import Testing

/// The code the library embeds is the committed build output. `Tools/build-contracts --check` (run by Tools/test)
/// reassembles the Fift sources and fails when the committed BoCs, hashes or Swift constants differ.
@Suite("Committed contract code")
struct ContractCodeTests {
  static let contracts = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Plugins/Payment/TON/Contracts")

  @Test("embedded code, build/*.boc and build/hashes.txt agree", arguments: CocoonContract.allCases)
  func manifest(contract: CocoonContract) throws {
    let manifest = try String(contentsOf: Self.contracts.appendingPathComponent("build/hashes.txt"), encoding: .utf8)
    let hashes = Dictionary(uniqueKeysWithValues: manifest.split(separator: "\n").map {
      let parts = $0.split(separator: " ")
      return (String(parts[0]), String(parts[1]))
    })
    let file = try Data(contentsOf: Self.contracts.appendingPathComponent("build/\(contract.rawValue).boc"))
    let committed = try Cell.fromBoC([UInt8](file))
    let code = try contract.code
    #expect(code.hashHex == hashes[contract.rawValue])
    #expect(committed.hashHex == code.hashHex)
  }
}
