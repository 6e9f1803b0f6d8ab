import CocoonInference
import CocoonCPUEngine
import CocoonCPUPlugin
import CocoonCore
import Foundation
import Testing

@Suite("GGUF reader")
struct GGUFReaderTests {
  private func base() -> GGUFBuilder {
    var b = GGUFBuilder()
    b.add("general.architecture", string: "llama")
    b.tensors = [("w", [32, 2], 0, 0)]  // F32 32×2 = 256 bytes
    b.data = [UInt8](repeating: 0, count: 256)
    return b
  }

  private func code(of bytes: [UInt8]) throws -> CocoonError.Code? {
    let path = try Fixtures.temporaryFile(bytes)
    do {
      _ = try GGUFFile(path: path)
      return nil
    } catch let e as CocoonError {
      return e.code
    }
  }

  @Test func readsAWellFormedFile() throws {
    let f = try GGUFFile(path: try Fixtures.temporaryFile(base().bytes()))
    #expect(f.version == 3)
    #expect(f.metadata["general.architecture"]?.stringValue == "llama")
    let t = try f.tensor("w")
    #expect(t.dimensions == [32, 2] && t.type == .f32 && t.byteCount == 256)
    #expect(t.fileOffset % 32 == 0)
  }

  @Test func wrongMagicIsAClearError() throws {
    var b = base()
    b.magic = Array("GGML".utf8)
    #expect(try code(of: b.bytes()) == .malformedModel)
  }

  @Test func truncatedHeaderIsAClearError() throws {
    let bytes = base().bytes()
    for cut in [3, 10, 30, 60] { #expect(try code(of: Array(bytes.prefix(cut))) == .malformedModel) }
  }

  @Test func tensorOutOfBoundsIsAClearError() throws {
    var b = base()
    b.tensors = [("w", [32, 4], 0, 0)]  // needs 512 bytes, file holds 256
    let path = try Fixtures.temporaryFile(b.bytes())
    #expect {
      _ = try GGUFFile(path: path)
    } throws: { error in
      let e = error as? CocoonError
      return e?.code == .malformedModel && e!.reason.contains("tensor w") && e!.reason.contains("past the end")
    }
  }

  @Test func unknownTensorTypeIsAClearError() throws {
    var b = base()
    b.tensors = [("w", [32, 2], 77, 0)]
    #expect(try code(of: b.bytes()) == .unsupportedModel)
  }

  @Test(.enabled(if: Fixtures.hasLlamaRandom, Fixtures.missingLlamaRandom)) func unsupportedTensorTypeIsRefusedWhenLoadingTheModel() throws {
    // A real (random-weights) Llama file with one tensor's type rewritten to Q2_K (no kernel here).
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.llamaRandomPath)))
    let file = try GGUFFile(path: Fixtures.llamaRandomPath)
    let name = "blk.0.attn_q.weight"
    let needle = GGUFBuilder.string(name)
    let at = try #require(firstIndex(of: needle, in: bytes))
    let typeOffset = at + needle.count + 4 + 8 * (try file.tensor(name)).dimensions.count
    bytes.replaceSubrange(typeOffset..<typeOffset + 4, with: GGUFBuilder.le(UInt32(10)))
    let path = try Fixtures.temporaryFile(bytes)
    #expect {
      _ = try LanguageModel(path: path, threads: 1)
    } throws: { error in
      let e = error as? CocoonError
      return e?.code == .unsupportedModel && e!.reason.contains("Q2_K") || e?.code == .malformedModel
    }
  }

  @Test(.enabled(if: Fixtures.hasLlamaRandom, Fixtures.missingLlamaRandom)) func truncatedRealFileIsAClearError() throws {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.llamaRandomPath)))
    #expect(try code(of: Array(bytes.prefix(bytes.count - 1000))) == .malformedModel)
  }

  @Test(.enabled(if: Fixtures.hasLlamaRandom, Fixtures.missingLlamaRandom)) func wrongSHA256IsRefused() throws {
    let file = try MappedFile(path: Fixtures.llamaRandomPath)
    let actual = WeightsHash.sha256(of: file)
    try WeightsHash.verify(file, expected: actual.uppercased())
    #expect(throws: CocoonError(.modelHashMismatch, "")) {
      try WeightsHash.verify(file, expected: String(repeating: "0", count: 64))
    }
  }

  private func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
    guard hay.count >= needle.count else { return nil }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<i + needle.count]) == needle {
      return i
    }
    return nil
  }
}
