import Crypto

extension Cell {
  /// Works out the level mask of a cell and checks the layout of exotic cells.
  static func resolveLevelMask(kind: CellKind, data: [UInt8], bitCount: Int, refs: [Cell]) throws -> LevelMask {
    switch kind {
    case .ordinary:
      return LevelMask(refs.reduce(0) { $0 | $1.levelMask.rawValue })
    case .prunedBranch:
      guard refs.isEmpty, bitCount >= 16 else {
        throw TONError(.invalidCell, "a pruned branch has no references and at least 16 bits")
      }
      let mask = LevelMask(data[1])
      guard (1...7).contains(mask.rawValue) else {
        throw TONError(.invalidCell, "a pruned branch's level mask is 1 to 7, not \(data[1])")
      }
      let expected = 16 + mask.hashIndex * (256 + 16)
      guard bitCount == expected else {
        throw TONError(.invalidCell, "a pruned branch with mask \(mask.rawValue) has \(expected) bits, not \(bitCount)")
      }
      return mask
    case .libraryReference:
      guard refs.isEmpty, bitCount == 8 + 256 else {
        throw TONError(.invalidCell, "a library reference has 264 bits and no references")
      }
      return LevelMask(0)
    case .merkleProof:
      guard refs.count == 1, bitCount == 8 + 256 + 16 else {
        throw TONError(.invalidCell, "a Merkle proof has 280 bits and one reference")
      }
      return LevelMask(refs[0].levelMask.rawValue >> 1)
    case .merkleUpdate:
      guard refs.count == 2, bitCount == 8 + 2 * (256 + 16) else {
        throw TONError(.invalidCell, "a Merkle update has 552 bits and two references")
      }
      return LevelMask((refs[0].levelMask.rawValue | refs[1].levelMask.rawValue) >> 1)
    }
  }

  /// Copies the 32-byte hash at `level` to `destination`.
  @inline(__always)
  func copyHash(level: Int, to destination: UnsafeMutablePointer<UInt8>) {
    var index = levelMask.apply(level).hashIndex
    if kind == .prunedBranch {
      if index != levelMask.hashIndex {
        data.withUnsafeBufferPointer { destination.update(from: $0.baseAddress! + 2 + index * 32, count: 32) }
        return
      }
      index = 0
    }
    hashStorage.copy(index, to: destination)
  }

  /// Computes the hashes and depths of a cell at each significant level (tvm.pdf 3.1.5-3.1.6).
  static func computeHashes(
    kind: CellKind, mask: LevelMask, data: [UInt8], bitCount: Int, refs: [Cell]
  ) throws -> (Hashes, Depths) {
    let total = mask.hashCount
    let computed = kind == .prunedBranch ? 1 : total
    let skipped = total - computed
    var hashes = Hashes()
    var depths = Depths()
    let bitsDescriptor = UInt8(bitCount / 8 + (bitCount + 7) / 8)
    let byteCount = (bitCount + 7) / 8
    // d1 d2, data or previous hash (at most 128 bytes), then 2 + 32 bytes per reference.
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 + 128 + Cell.maxRefs * 34) { buffer in
      var hashIndex = 0
      for level in 0...mask.level where mask.isSignificant(level) {
        defer { hashIndex += 1 }
        if hashIndex < skipped { continue }
        var count = 0
        buffer[0] = UInt8(refs.count) + (kind.isExotic ? 8 : 0) + mask.apply(level).rawValue &* 32
        buffer[1] = bitsDescriptor
        count = 2
        if hashIndex == skipped {
          data.withUnsafeBufferPointer { source in
            if byteCount > 0 { (buffer.baseAddress! + count).update(from: source.baseAddress!, count: byteCount) }
          }
          count += byteCount
          if bitCount % 8 != 0 { buffer[count - 1] |= UInt8(0x80 >> (bitCount % 8)) }
        } else {
          hashes.copy(hashIndex - skipped - 1, to: buffer.baseAddress! + count)
          count += 32
        }
        let childLevel = kind.isMerkle ? level + 1 : level
        var depth = 0
        let hashesAt = count + 2 * refs.count
        for (position, ref) in refs.enumerated() {
          let refDepth = ref.depth(level: childLevel)
          buffer[count + 2 * position] = UInt8(truncatingIfNeeded: refDepth >> 8)
          buffer[count + 2 * position + 1] = UInt8(truncatingIfNeeded: refDepth)
          depth = max(depth, refDepth)
          ref.copyHash(level: childLevel, to: buffer.baseAddress! + hashesAt + 32 * position)
        }
        count = hashesAt + 32 * refs.count
        if !refs.isEmpty {
          depth += 1
          guard depth <= Cell.maxDepth else {
            throw TONError(.cellTooDeep, "a cell tree is at most \(Cell.maxDepth) deep")
          }
        }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<count]))
        hasher.finalize().withUnsafeBytes { hashes.append($0) }
        depths.append(UInt16(depth))
      }
    }
    return (hashes, depths)
  }
}
