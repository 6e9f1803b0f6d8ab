import ArgumentParser
import CocoonCore
import Foundation
import Testing

@testable import CocoonAttestationCLI

@Suite("verify command")
struct VerifyCommandTests {
  func report(_ arguments: [String]) throws -> [String: Any] {
    let command = try VerifyCommand.parse(arguments)
    let evidence = try EvidenceFile.read(command.evidence)
    return try CLIFixtures.object(try command.inspector().inspect(evidence).json)
  }

  @Test("the v4 TDX quote verifies: UpToDate, no advisories, measurements printed")
  func tdxV4() async throws {
    let arguments = [
      "--evidence", CLIFixtures.path("tdx/quote-v4-uptodate.bin"),
      "--collateral", CLIFixtures.path("tdx/quote-v4-uptodate.collateral.json"), "--at", "2025-06-19T11:16:03Z",
    ]
    let object = try report(arguments)
    #expect(object["tee"] as? String == "tdx")
    #expect(object["verified"] as? Bool == true)
    #expect(object["tcbStatus"] as? String == "UpToDate")
    #expect((object["advisories"] as? [String])?.isEmpty == true)
    #expect((object["mrtd"] as? String)?.count == 96)
    #expect((object["rtmr3"] as? String)?.count == 96)
    #expect((object["reportData"] as? String)?.count == 128)
    #expect((object["imageHash"] as? String)?.count == 64)
    let command = try VerifyCommand.parse(arguments)
    try await command.run()
  }

  @Test("the v5 TDX quote is refused (no matching TCB level) but its measurements are printed; exit non-zero")
  func tdxV5() async throws {
    let arguments = [
      "--evidence", CLIFixtures.path("tdx/quote-v5-outdated.bin"),
      "--collateral", CLIFixtures.path("tdx/quote-v5-outdated.collateral.json"), "--at", "2026-02-18T11:58:51Z",
    ]
    let object = try report(arguments)
    #expect(object["verified"] as? Bool == false)
    #expect((object["reason"] as? String)?.contains("no matching TCB level") == true)
    #expect((object["mrtd"] as? String)?.count == 96)
    let command = try VerifyCommand.parse(arguments)
    await #expect(throws: ExitCode.self) { try await command.run() }
  }

  @Test("without collateral: not verified, the reason says what is missing, measurements still printed")
  func tdxWithoutCollateral() throws {
    let object = try report(["--evidence", CLIFixtures.path("tdx/quote-v4-uptodate.bin")])
    #expect(object["verified"] as? Bool == false)
    #expect((object["reason"] as? String)?.contains("--collateral") == true)
    #expect(object["rtmr0"] != nil)
  }

  @Test("hex evidence is detected and decoded")
  func hexEvidence() throws {
    let quote = try Data(contentsOf: URL(fileURLWithPath: CLIFixtures.path("tdx/quote-v4-uptodate.bin")))
    let path = NSTemporaryDirectory() + "cocoon-quote-\(UInt64.random(in: 0...UInt64.max)).hex"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data((quote.hexString + "\n").utf8).write(to: URL(fileURLWithPath: path))
    #expect(try EvidenceFile.read(path) == quote)
    let object = try report([
      "--evidence", path, "--collateral", CLIFixtures.path("tdx/quote-v4-uptodate.collateral.json"),
      "--at", "2025-06-19T11:16:03Z",
    ])
    #expect(object["verified"] as? Bool == true)
  }

  @Test("the real SEV-SNP report with --vcek and --chain (debug allowed) verifies; by default refused for debug")
  func snp() throws {
    let base = [
      "--evidence", CLIFixtures.path("sev-snp/attestation.bin"), "--vcek", CLIFixtures.path("sev-snp/vcek.testcer"),
      "--chain", CLIFixtures.path("sev-snp/milan.testcer"), "--at", "2024-01-01T00:00:00Z",
    ]
    let allowed = try report(base + ["--allow-debug"])
    #expect(allowed["tee"] as? String == "sev-snp")
    #expect(allowed["verified"] as? Bool == true)
    #expect((allowed["measurement"] as? String)?.count == 96)
    #expect((allowed["chipId"] as? String)?.count == 128)
    #expect((allowed["hostData"] as? String)?.count == 64)
    let refused = try report(base)
    #expect(refused["verified"] as? Bool == false)
    #expect((refused["reason"] as? String)?.contains("debug") == true)
  }

  @Test("a bad --at is a usage error")
  func badTime() throws {
    let command = try VerifyCommand.parse(["--evidence", "x", "--at", "yesterday"])
    #expect(throws: ValidationError.self) { try command.inspector() }
  }
}
