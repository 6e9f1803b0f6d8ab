/// Parses the header and cells of a serialized bag of cells, then links the cells bottom-up.
struct BoCReader {
  private let bytes: [UInt8]
  private let limits: BagOfCells.Limits
  private var position = 0

  /// A cell as it is laid out in the bag, before linking.
  private struct RawCell {
    var dataStart: Int
    var bitCount: Int
    var exotic: Bool
    var levelMask: UInt8
    var refStart: Int
    var refCount: Int
  }

  /// Every cell's reference indices, back to back (`RawCell.refStart` points in).
  private var refIndices: [Int] = []

  init(bytes: [UInt8], limits: BagOfCells.Limits) {
    self.bytes = bytes
    self.limits = limits
  }

  private mutating func take(_ count: Int, _ what: String) throws -> Range<Int> {
    guard count >= 0, count <= bytes.count - position else {
      throw TONError(.bocTruncated, "the bag of cells ends inside its \(what) (\(bytes.count) bytes in all)")
    }
    defer { position += count }
    return position..<(position + count)
  }

  private mutating func readUInt(_ width: Int, _ what: String) throws -> Int {
    var value = 0
    for index in try take(width, what) { value = value << 8 | Int(bytes[index]) }
    return value
  }

  mutating func read() throws -> [Cell] {
    guard bytes.count <= limits.maxBytes else {
      throw TONError(.bocLimitExceeded, "the bag of cells has \(bytes.count) bytes; the limit is \(limits.maxBytes)")
    }
    let magic = Array(bytes[try take(4, "magic")])
    var hasIndex = true
    var hasCRC = false
    let sizeBytes: Int
    switch magic {
    case BagOfCells.reachMagic:
      let flags = bytes[try take(1, "flags")].first!
      hasIndex = flags & 0x80 != 0
      hasCRC = flags & 0x40 != 0
      sizeBytes = Int(flags & 0x07)
    case BagOfCells.leanMagic, BagOfCells.leanCRCMagic:
      hasCRC = magic == BagOfCells.leanCRCMagic
      sizeBytes = try readUInt(1, "header")
    default:
      throw TONError(.bocBadMagic, "a bag of cells starts with b5ee9c72, 68ff65f3 or acc3a728, not \(ByteEncoding.hex(magic))")
    }
    guard (1...4).contains(sizeBytes) else {
      throw TONError(.bocMalformed, "the reference size is 1 to 4 bytes, not \(sizeBytes)")
    }
    let offsetBytes = try readUInt(1, "header")
    guard (1...8).contains(offsetBytes) else {
      throw TONError(.bocMalformed, "the offset size is 1 to 8 bytes, not \(offsetBytes)")
    }
    let cellCount = try readUInt(sizeBytes, "header")
    let rootCount = try readUInt(sizeBytes, "header")
    let absentCount = try readUInt(sizeBytes, "header")
    let totalSize = try readUInt(offsetBytes, "header")
    guard cellCount <= limits.maxCells else {
      throw TONError(.bocLimitExceeded, "the bag has \(cellCount) cells; the limit is \(limits.maxCells)")
    }
    guard rootCount >= 1, rootCount <= limits.maxRoots else {
      throw TONError(.bocMalformed, "a bag of cells has 1 to \(limits.maxRoots) roots, not \(rootCount)")
    }
    guard absentCount == 0 else {
      throw TONError(.bocMalformed, "bags with absent cells are not accepted (found \(absentCount))")
    }
    guard totalSize <= bytes.count - position else {
      throw TONError(.bocTruncated, "the header announces \(totalSize) bytes of cells; only \(bytes.count - position) bytes follow")
    }
    guard cellCount * 2 <= totalSize else {
      throw TONError(.bocMalformed, "\(cellCount) cells cannot fit in \(totalSize) bytes of cell data (at least 2 bytes each)")
    }
    guard rootCount <= cellCount else {
      throw TONError(.bocMalformed, "\(rootCount) roots but only \(cellCount) cells")
    }
    var roots = [Int]()
    if magic == BagOfCells.reachMagic {
      for _ in 0..<rootCount { roots.append(try readUInt(sizeBytes, "root list")) }
    } else {
      roots = [0]
    }
    if hasIndex { _ = try take(cellCount * offsetBytes, "index") }
    let cellArea = try take(totalSize, "cell data")
    if hasCRC {
      let crcRange = try take(4, "CRC32C")
      let stored = crcRange.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[$1]) }
      guard Checksums.crc32c(bytes[0..<crcRange.lowerBound]) == stored else {
        throw TONError(.bocBadCRC, "the CRC32C at the end of the bag of cells does not match its contents")
      }
    }
    guard position == bytes.count else {
      throw TONError(.bocMalformed, "\(bytes.count - position) unexpected bytes after the bag of cells")
    }
    for root in roots where root >= cellCount {
      throw TONError(.bocReferenceOutOfRange, "root index \(root) is outside the \(cellCount) cells")
    }
    position = cellArea.lowerBound
    var raw = [RawCell]()
    raw.reserveCapacity(cellCount)
    refIndices.reserveCapacity(cellCount * 2)
    for index in 0..<cellCount { raw.append(try readCell(index: index, sizeBytes: sizeBytes, cellCount: cellCount, end: cellArea.upperBound)) }
    guard position == cellArea.upperBound else {
      throw TONError(.bocMalformed, "the cells take \(position - cellArea.lowerBound) bytes, the header says \(totalSize)")
    }
    let cells = try link(raw)
    return roots.map { cells[$0]! }
  }

  private mutating func readCell(index: Int, sizeBytes: Int, cellCount: Int, end: Int) throws -> RawCell {
    guard end - position >= 2 else {
      throw TONError(.bocTruncated, "cell \(index) ends before its descriptors")
    }
    let d1 = bytes[position]
    let d2 = bytes[position + 1]
    position += 2
    let refCount = Int(d1 & 7)
    guard refCount <= 4 else {
      throw TONError(.bocMalformed, "cell \(index) has \(refCount) references (absent cells are not accepted; at most 4)")
    }
    let mask = LevelMask(d1 >> 5)
    if d1 & 16 != 0 {
      let skip = mask.hashCount * 34
      guard end - position >= skip else { throw TONError(.bocTruncated, "cell \(index) ends inside its stored hashes") }
      position += skip
    }
    let dataLength = (Int(d2) + 1) / 2
    guard end - position >= dataLength + refCount * sizeBytes else {
      throw TONError(.bocTruncated, "cell \(index) ends inside its data or references")
    }
    var bitCount = dataLength * 8
    if d2 & 1 != 0 {
      let last = bytes[position + dataLength - 1]
      guard last != 0 else {
        throw TONError(.bocMalformed, "cell \(index) has an odd length descriptor but no completion bit")
      }
      bitCount -= last.trailingZeroBitCount + 1
    }
    guard bitCount <= Cell.maxBits else {
      throw TONError(.bocMalformed, "cell \(index) has \(bitCount) bits; at most 1023")
    }
    let cell = RawCell(
      dataStart: position, bitCount: bitCount, exotic: d1 & 8 != 0, levelMask: mask.rawValue, refStart: refIndices.count,
      refCount: refCount)
    position += dataLength
    for _ in 0..<refCount {
      var value = 0
      for _ in 0..<sizeBytes {
        value = value << 8 | Int(bytes[position])
        position += 1
      }
      guard value < cellCount else {
        throw TONError(.bocReferenceOutOfRange, "cell \(index) refers to cell \(value); there are \(cellCount)")
      }
      refIndices.append(value)
    }
    return cell
  }

  private func refs(of raw: RawCell) -> ArraySlice<Int> { refIndices[raw.refStart..<(raw.refStart + raw.refCount)] }

  /// Builds the cells from the leaves up; references to earlier cells are followed depth-first with
  /// cycle detection.
  private func link(_ raw: [RawCell]) throws -> [Cell?] {
    var cells = [Cell?](repeating: nil, count: raw.count)
    let forwardOnly = raw.indices.allSatisfy { index in refs(of: raw[index]).allSatisfy { $0 > index } }
    if forwardOnly {
      for index in raw.indices.reversed() { cells[index] = try make(raw[index], index: index, cells: cells) }
      return cells
    }
    var onStack = [Bool](repeating: false, count: raw.count)
    for start in raw.indices where cells[start] == nil {
      var stack: [(index: Int, next: Int)] = [(start, 0)]
      onStack[start] = true
      while let top = stack.last {
        let refs = refs(of: raw[top.index])
        if top.next < refs.count {
          stack[stack.count - 1].next += 1
          let child = refs[refs.startIndex + top.next]
          if cells[child] != nil { continue }
          guard !onStack[child] else {
            throw TONError(.bocCycle, "cell \(top.index) refers back to cell \(child): the cells form a cycle")
          }
          guard stack.count <= limits.maxDepth else {
            throw TONError(.bocTooDeep, "the cell tree is deeper than \(limits.maxDepth)")
          }
          onStack[child] = true
          stack.append((child, 0))
        } else {
          cells[top.index] = try make(raw[top.index], index: top.index, cells: cells)
          onStack[top.index] = false
          stack.removeLast()
        }
      }
    }
    return cells
  }

  private func make(_ raw: RawCell, index: Int, cells: [Cell?]) throws -> Cell {
    var data = Array(bytes[raw.dataStart..<(raw.dataStart + (raw.bitCount + 7) / 8)])
    if raw.bitCount % 8 != 0 { data[data.count - 1] &= ~UInt8(0xFF >> (raw.bitCount % 8)) }  // drop the completion tag
    let refs = refs(of: raw).map { cells[$0]! }
    let cell: Cell
    do {
      if raw.exotic {
        cell = try Cell(exoticData: data, bitCount: raw.bitCount, refs: refs)
      } else {
        cell = try Cell(kind: .ordinary, data: data, bitCount: raw.bitCount, refs: refs)
      }
    } catch let error as TONError where error.code == .cellTooDeep {
      throw TONError(.bocTooDeep, "cell \(index): the cell tree is deeper than \(Cell.maxDepth)")
    } catch let error as TONError {
      throw TONError(.bocMalformed, "cell \(index): \(error.reason)")
    }
    guard cell.depth <= limits.maxDepth else {
      throw TONError(.bocTooDeep, "cell \(index): the cell tree is \(cell.depth) deep; the limit is \(limits.maxDepth)")
    }
    guard cell.levelMask.rawValue == raw.levelMask else {
      throw TONError(.bocMalformed, "cell \(index) declares level mask \(raw.levelMask) but its contents give \(cell.levelMask.rawValue)")
    }
    return cell
  }
}
