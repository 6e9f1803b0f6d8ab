import CocoonCore
import Foundation

/// Gets TDX quotes inside a TD through Linux configfs-tsm (`/sys/kernel/config/tsm/report`, Linux 6.7+).
///
/// For each quote: make an entry directory, write the 64 bytes of report data to `inblob`, check `provider` is
/// `tdx_guest`, read `outblob` (the quote), check `generation` did not move (no concurrent writer), remove the entry.
struct ConfigFSQuoteSource: Sendable {
  var root: String

  static let defaultRoot = "/sys/kernel/config/tsm/report"

  var isAvailable: Bool { FileManager.default.fileExists(atPath: root) }

  func quote(reportData: Data) throws(CocoonError) -> Data {
    let entry = root + "/cocoon-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    do {
      try FileManager.default.createDirectory(atPath: entry, withIntermediateDirectories: false)
    } catch {
      throw CocoonError(.unavailable, "TDX: cannot create a configfs-tsm report entry under \(root) (needs root)")
    }
    defer { rmdir(entry) }
    let provider = (try? String(contentsOfFile: entry + "/provider", encoding: .utf8)) ?? ""
    guard provider.trimmingCharacters(in: .whitespacesAndNewlines) == "tdx_guest" else {
      throw CocoonError(.unavailable, "TDX: configfs-tsm provider is '\(provider.trimmingCharacters(in: .whitespacesAndNewlines))', not tdx_guest: this is not a TD")
    }
    let generation = try? String(contentsOfFile: entry + "/generation", encoding: .utf8)
    do {
      try reportData.write(to: URL(fileURLWithPath: entry + "/inblob"))
    } catch {
      throw CocoonError(.unavailable, "TDX: writing report data to configfs-tsm failed")
    }
    guard let quote = FileManager.default.contents(atPath: entry + "/outblob"), !quote.isEmpty else {
      throw CocoonError(.unavailable, "TDX: configfs-tsm returned no quote (is the quote generation service running?)")
    }
    let after = try? String(contentsOfFile: entry + "/generation", encoding: .utf8)
    if let generation, let after, Int(after.trimmingCharacters(in: .whitespacesAndNewlines))
      != (Int(generation.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) + 1
    {
      throw CocoonError(.unavailable, "TDX: the configfs-tsm entry was written concurrently; retry")
    }
    return quote
  }
}
