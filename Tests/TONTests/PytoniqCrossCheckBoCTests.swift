import Crypto
import Testing

@testable import TON

/// Reproduces, byte for byte and hash for hash, the cells and bags of cells pytoniq-core generated.
@Suite("Cells and BoC cross-check pytoniq-core")
struct PytoniqCrossCheckBoCTests {
  @Test("at least 1,000 vectors, some with exotic cells")
  func vectorCount() {
    #expect(Fixtures.cells.count >= 1000)
    #expect(Fixtures.cells.contains { $0.level != 0 })
  }

  @Test("hashes and depths at every level match pytoniq-core")
  func hashesMatch() throws {
    for vector in Fixtures.cells {
      let root = try Cell.fromBoC(vector.boc)
      #expect(root.hashHex == vector.hash)
      #expect(root.depth == vector.depth)
      #expect(root.levelMask.rawValue == vector.level)
      for level in 0..<4 {
        #expect(ByteEncoding.hex(root.hash(level: level)) == vector.hashes[level])
        #expect(root.depth(level: level) == vector.depths[level])
      }
      let ordered = BoCWriter.order(roots: [root])
      #expect(ordered.count == vector.cellCount)
      let digest = Array(SHA256.hash(data: ordered.flatMap(\.hash)))
      #expect(ByteEncoding.hex(digest) == vector.allHashes)
    }
  }

  @Test("serialization with each flag set matches pytoniq-core byte for byte")
  func serializationMatches() throws {
    var variants = 0
    for vector in Fixtures.cells {
      let root = try Cell.fromBoC(vector.boc)
      #expect(ByteEncoding.base64(root.toBoC()) == vector.boc)
      #expect(ByteEncoding.base64(root.toBoC(.init(hasCRC32C: true))) == vector.crc)
      variants += 2
      if let idx = vector.idx {
        #expect(ByteEncoding.base64(root.toBoC(.init(hasIndex: true))) == idx)
        variants += 1
      }
      if let full = vector.idxCrcCache {
        #expect(ByteEncoding.base64(root.toBoC(.init(hasIndex: true, hasCRC32C: true, hasCacheBits: true))) == full)
        variants += 1
      }
    }
    #expect(variants >= 3000)
  }

  @Test("every flag variant reads back to the same root, from binary, hex and base64")
  func variantsRead() throws {
    for vector in Fixtures.cells {
      for text in [vector.boc, vector.crc, vector.idx, vector.idxCrcCache].compactMap({ $0 }) {
        let bytes = try #require(ByteEncoding.bytes(base64: text))
        #expect(try Cell.fromBoC(bytes).hashHex == vector.hash)
        #expect(try Cell.fromBoC(ByteEncoding.hex(bytes)).hashHex == vector.hash)
      }
    }
  }
}
