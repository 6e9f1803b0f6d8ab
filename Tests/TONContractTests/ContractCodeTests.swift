import CocoonTONContracts
import CocoonTestSupport
import Foundation
import TON
import Testing

/// The code the library embeds is the committed build output. `Tools/build-contracts --check` reassembles the Fift
/// sources with tonpy and fails when the committed BoCs, hashes or Swift constants differ: Tools/test always runs it
/// (installing tonpy into .tools/venv-fift), and the test below runs it when that venv is already there.
@Suite("Committed contract code")
struct ContractCodeTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let venvReady = FileManager.default.fileExists(
    atPath: root.appendingPathComponent(".tools/venv-fift/.installed").path)

  static let contracts = root.appendingPathComponent("Plugins/Payment/TON/Contracts")

  @Test("embedded code, build/*.boc and build/hashes.txt agree", arguments: CocoonContract.allCases)
  func manifest(contract: CocoonContract) throws {
    let manifest = try String(contentsOf: Self.contracts.appendingPathComponent("build/hashes.txt"), encoding: .utf8)
    let hashes = Dictionary(
      uniqueKeysWithValues: manifest.split(separator: "\n").map {
        let parts = $0.split(separator: " ")
        return (String(parts[0]), String(parts[1]))
      })
    let file = try Data(contentsOf: Self.contracts.appendingPathComponent("build/\(contract.rawValue).boc"))
    let committed = try Cell.fromBoC([UInt8](file))
    let code = try contract.code
    #expect(code.hashHex == hashes[contract.rawValue])
    #expect(committed.hashHex == code.hashHex)
  }

  @Test(
    "cross-check tonpy Fift: Tools/build-contracts --check reassembles the committed BoCs",
    .enabled(if: venvReady, "tonpy is not installed in .tools/venv-fift: Tools/test runs the check (and installs it)"))
  func reassemble() async throws {
    let result = try await ChildProcess.run(Self.root.appendingPathComponent("Tools/build-contracts"), ["--check"])
    #expect(
      result.status == 0, "the committed contract code differs from what fift/*.fif assemble to:\n\(result.stderr)")
  }
}
