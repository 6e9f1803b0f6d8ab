import CocoonInference

/// Expands quantized rows to `Float` (embedding look-ups and reference checks).
enum Dequantize {
  /// Writes `count` values of a `type` row starting at `src` into `dst`.
  static func row(_ type: GGMLType, _ src: UnsafeRawPointer, count: Int, into dst: UnsafeMutablePointer<Float>) {
    let blocks = count / type.blockSize
    switch type {
    case .f32:
      dst.update(from: src.assumingMemoryBound(to: Float.self), count: count)
    case .f16:
      for i in 0..<count { dst[i] = loadHalf(src, 2 * i) }
    case .q8_0:
      for b in 0..<blocks {
        let block = src + 34 * b
        let d = loadHalf(block)
        let qs = (block + 2).assumingMemoryBound(to: Int8.self)
        for i in 0..<32 { dst[32 * b + i] = d * Float(qs[i]) }
      }
    case .q4_0:
      for b in 0..<blocks {
        let block = src + 18 * b
        let d = loadHalf(block)
        let qs = (block + 2).assumingMemoryBound(to: UInt8.self)
        for i in 0..<16 {
          dst[32 * b + i] = d * Float(Int32(qs[i] & 0xF) - 8)
          dst[32 * b + i + 16] = d * Float(Int32(qs[i] >> 4) - 8)
        }
      }
    case .q5_0:
      for b in 0..<blocks {
        let block = src + 22 * b
        let d = loadHalf(block)
        let qh = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 2, as: UInt32.self))
        let qs = (block + 6).assumingMemoryBound(to: UInt8.self)
        for i in 0..<16 {
          let lo = Int32(qs[i] & 0xF) | Int32((qh >> UInt32(i)) & 1) << 4
          let hi = Int32(qs[i] >> 4) | Int32((qh >> UInt32(i + 16)) & 1) << 4
          dst[32 * b + i] = d * Float(lo - 16)
          dst[32 * b + i + 16] = d * Float(hi - 16)
        }
      }
    case .q4_K, .q5_K:
      let isQ5 = type == .q5_K
      for b in 0..<blocks {
        let block = src + type.blockBytes * b
        let d = loadHalf(block)
        let dmin = loadHalf(block, 2)
        let scales = (block + 4).assumingMemoryBound(to: UInt8.self)
        let qh = (block + 16).assumingMemoryBound(to: UInt8.self)
        let qs = (block + (isQ5 ? 48 : 16)).assumingMemoryBound(to: UInt8.self)
        for j in 0..<4 {
          let (sc0, m0) = BlockDot.scaleMin(scales, 2 * j)
          let (sc1, m1) = BlockDot.scaleMin(scales, 2 * j + 1)
          for l in 0..<32 {
            var lo = Int32(qs[32 * j + l] & 0xF)
            var hi = Int32(qs[32 * j + l] >> 4)
            if isQ5 {
              lo |= Int32((qh[l] >> UInt8(2 * j)) & 1) << 4
              hi |= Int32((qh[l] >> UInt8(2 * j + 1)) & 1) << 4
            }
            dst[256 * b + 64 * j + l] = d * Float(sc0) * Float(lo) - dmin * Float(m0)
            dst[256 * b + 64 * j + 32 + l] = d * Float(sc1) * Float(hi) - dmin * Float(m1)
          }
        }
      }
    case .q6_K:
      for b in 0..<blocks {
        let block = src + 210 * b
        let d = loadHalf(block, 208)
        let scales = (block + 192).assumingMemoryBound(to: Int8.self)
        for n in 0..<2 {
          let ql = (block + 64 * n).assumingMemoryBound(to: UInt8.self)
          let qh = (block + 128 + 32 * n).assumingMemoryBound(to: UInt8.self)
          let sc = scales + 8 * n
          let y = dst + 256 * b + 128 * n
          for l in 0..<32 {
            let g = l / 16
            let h = qh[l]
            y[l] = d * Float(sc[g]) * Float(Int32((ql[l] & 0xF) | ((h & 3) << 4)) - 32)
            y[l + 32] = d * Float(sc[g + 2]) * Float(Int32((ql[l + 32] & 0xF) | (((h >> 2) & 3) << 4)) - 32)
            y[l + 64] = d * Float(sc[g + 4]) * Float(Int32((ql[l] >> 4) | (((h >> 4) & 3) << 4)) - 32)
            y[l + 96] = d * Float(sc[g + 6]) * Float(Int32((ql[l + 32] >> 4) | (((h >> 6) & 3) << 4)) - 32)
          }
        }
      }
    default:
      for i in 0..<count { dst[i] = .nan }
    }
  }
}
