/// Writes bags of cells byte for byte as pytoniq-core does for the same flags.
enum BoCWriter {
  /// The cell order pytoniq-core produces: the reverse of a post-order walk that visits references
  /// last to first and each distinct cell (by hash) once. Roots come first.
  static func order(roots: [Cell]) -> [Cell] {
    var seen = Set<Cell>()
    var postorder = [Cell]()
    var stack: [(cell: Cell, next: Int)] = []
    for root in roots.reversed() where !seen.contains(root) {
      seen.insert(root)
      stack.append((root, root.refs.count - 1))
      while let top = stack.last {
        if top.next >= 0 {
          stack[stack.count - 1].next -= 1
          let child = top.cell.refs[top.next]
          if seen.insert(child).inserted { stack.append((child, child.refs.count - 1)) }
        } else {
          postorder.append(top.cell)
          stack.removeLast()
        }
      }
    }
    return postorder.reversed()
  }

  static func write(roots: [Cell], options: BagOfCells.WriteOptions) -> [UInt8] {
    let cells = order(roots: roots)
    var indexOf = [Cell: Int](minimumCapacity: cells.count)
    for (index, cell) in cells.enumerated() where indexOf[cell] == nil { indexOf[cell] = index }
    let sizeBytes = max(1, byteWidth(cells.count))
    var payload = [UInt8]()
    var lengths = [Int]()
    lengths.reserveCapacity(cells.count)
    for cell in cells {
      let start = payload.count
      payload.append(cell.refsDescriptor(mask: cell.levelMask))
      payload.append(cell.bitsDescriptor)
      payload.append(contentsOf: cell.paddedData)
      for ref in cell.refs { appendUInt(&payload, indexOf[ref]!, bytes: sizeBytes) }
      lengths.append(payload.count - start)
    }
    let offsetBytes = max(1, byteWidth(payload.count))
    var out = BagOfCells.reachMagic
    var flags = UInt8(sizeBytes)
    if options.hasIndex { flags |= 0x80 }
    if options.hasCRC32C { flags |= 0x40 }
    if options.hasCacheBits { flags |= 0x20 }
    out.append(flags)
    out.append(UInt8(offsetBytes))
    appendUInt(&out, cells.count, bytes: sizeBytes)
    appendUInt(&out, roots.count, bytes: sizeBytes)
    appendUInt(&out, 0, bytes: sizeBytes)
    appendUInt(&out, payload.count, bytes: offsetBytes)
    for root in roots { appendUInt(&out, indexOf[root]!, bytes: sizeBytes) }
    if options.hasIndex {
      for length in lengths { appendUInt(&out, length, bytes: offsetBytes) }
    }
    out.append(contentsOf: payload)
    if options.hasCRC32C {
      let crc = Checksums.crc32c(out)
      for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
    }
    return out
  }

  static func byteWidth(_ value: Int) -> Int { (Int.bitWidth - value.leadingZeroBitCount + 7) / 8 }

  static func appendUInt(_ out: inout [UInt8], _ value: Int, bytes: Int) {
    for index in stride(from: bytes - 1, through: 0, by: -1) {
      out.append(UInt8(truncatingIfNeeded: value >> (index * 8)))
    }
  }
}
