/// Dot products of one weight row with four activation rows at once (prefill): the weights are loaded and
/// unpacked once for four tokens. Results go to `out[0]`, `out[stride]`, `out[2 * stride]`, `out[3 * stride]`.
extension BlockDot {
  @inline(__always)
  static func q8_0x4(
    _ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, columns: Int,
    out: UnsafeMutablePointer<Float>, stride: Int
  ) {
    let blocks = columns / 32
    var r0: Float = 0, r1: Float = 0, r2: Float = 0, r3: Float = 0
    for b in 0..<blocks {
      let block = w + 34 * b
      let wq = (block + 2).assumingMemoryBound(to: Int8.self)
      let a0 = q + 32 * b
      let a1 = a0 + columns, a2 = a1 + columns, a3 = a2 + columns
      var s0: Int32 = 0, s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0
      for i in 0..<32 {
        let x = Int32(wq[i])
        s0 &+= x &* Int32(a0[i])
        s1 &+= x &* Int32(a1[i])
        s2 &+= x &* Int32(a2[i])
        s3 &+= x &* Int32(a3[i])
      }
      let dw = loadHalf(block)
      let ds = d + b
      let sb = columns / 32
      r0 += dw * ds[0] * Float(s0)
      r1 += dw * ds[sb] * Float(s1)
      r2 += dw * ds[2 * sb] * Float(s2)
      r3 += dw * ds[3 * sb] * Float(s3)
    }
    out[0] = r0
    out[stride] = r1
    out[2 * stride] = r2
    out[3 * stride] = r3
  }

  @inline(__always)
  static func q5_0x4(
    _ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, columns: Int,
    out: UnsafeMutablePointer<Float>, stride: Int
  ) {
    let blocks = columns / 32
    var r0: Float = 0, r1: Float = 0, r2: Float = 0, r3: Float = 0
    var unpacked = (Int64(0), Int64(0), Int64(0), Int64(0))  // 32 × Int8
    for b in 0..<blocks {
      let block = w + 22 * b
      let qh = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 2, as: UInt32.self))
      let qs = (block + 6).assumingMemoryBound(to: UInt8.self)
      withUnsafeMutableBytes(of: &unpacked) { raw in
        let v = raw.baseAddress!.assumingMemoryBound(to: Int8.self)
        for i in 0..<16 {
          v[i] = Int8(truncatingIfNeeded: Int32(qs[i] & 0xF) | Int32((qh >> UInt32(i)) & 1) << 4) &- 16
          v[i + 16] = Int8(truncatingIfNeeded: Int32(qs[i] >> 4) | Int32((qh >> UInt32(i + 16)) & 1) << 4) &- 16
        }
      }
      let a0 = q + 32 * b
      let a1 = a0 + columns, a2 = a1 + columns, a3 = a2 + columns
      var s0: Int32 = 0, s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0
      withUnsafeBytes(of: &unpacked) { raw in
        let v = raw.baseAddress!.assumingMemoryBound(to: Int8.self)
        for i in 0..<32 {
          let x = Int32(v[i])
          s0 &+= x &* Int32(a0[i])
          s1 &+= x &* Int32(a1[i])
          s2 &+= x &* Int32(a2[i])
          s3 &+= x &* Int32(a3[i])
        }
      }
      let dw = loadHalf(block)
      let ds = d + b
      let sb = columns / 32
      r0 += dw * ds[0] * Float(s0)
      r1 += dw * ds[sb] * Float(s1)
      r2 += dw * ds[2 * sb] * Float(s2)
      r3 += dw * ds[3 * sb] * Float(s3)
    }
    out[0] = r0
    out[stride] = r1
    out[2 * stride] = r2
    out[3 * stride] = r3
  }

  /// Q4_K for four tokens in the float order of llama.cpp's repacked four-row kernel: a fused multiply-add per
  /// 64 values (two sub-blocks) for the scaled sums and for the mins.
  @inline(__always)
  static func q4_Kx4(
    _ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, _ sums: UnsafePointer<Int32>,
    columns: Int, out: UnsafeMutablePointer<Float>, stride: Int
  ) {
    let blocks = columns / 256
    let sumsPerRow = columns / 16
    for t in 0..<4 {
      var acc: Float = 0
      var accMin: Float = 0
      let a = q + t * columns
      for b in 0..<blocks {
        let block = w + 144 * b
        let scales = (block + 4).assumingMemoryBound(to: UInt8.self)
        let qs = (block + 16).assumingMemoryBound(to: UInt8.self)
        let da = d[t * blocks + b]
        let bs = sums + t * sumsPerRow + 16 * b
        for j in 0..<4 {
          let chunk = qs + 32 * j
          let aj = a + 256 * b + 64 * j
          var lo: Int32 = 0
          var hi: Int32 = 0
          for l in 0..<32 {
            lo &+= Int32(chunk[l] & 0xF) &* Int32(aj[l])
            hi &+= Int32(chunk[l] >> 4) &* Int32(aj[l + 32])
          }
          let (sc0, m0) = scaleMin(scales, 2 * j)
          let (sc1, m1) = scaleMin(scales, 2 * j + 1)
          let mins = m0 &* (bs[4 * j] &+ bs[4 * j + 1]) &+ m1 &* (bs[4 * j + 2] &+ bs[4 * j + 3])
          acc = acc.addingProduct(Float(sc0 &* lo &+ sc1 &* hi), loadHalf(block) * da)
          accMin = accMin.addingProduct(Float(mins), loadHalf(block, 2) * da)
        }
      }
      out[t * stride] = acc - accMin
    }
  }
}
