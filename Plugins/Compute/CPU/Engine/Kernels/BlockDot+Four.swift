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

  @inline(__always)
  static func q4_Kx4(
    _ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, _ sums: UnsafePointer<Int32>,
    columns: Int, out: UnsafeMutablePointer<Float>, stride: Int
  ) {
    let blocks = columns / 256
    var r = (Float(0), Float(0), Float(0), Float(0))
    for b in 0..<blocks {
      let block = w + 144 * b
      let scales = (block + 4).assumingMemoryBound(to: UInt8.self)
      let qs = (block + 16).assumingMemoryBound(to: UInt8.self)
      var scaled = (Int32(0), Int32(0), Int32(0), Int32(0))
      var mins = (Int32(0), Int32(0), Int32(0), Int32(0))
      for j in 0..<4 {
        let chunk = qs + 32 * j
        let a0 = q + 256 * b + 64 * j
        let a1 = a0 + columns, a2 = a1 + columns, a3 = a2 + columns
        var l0: Int32 = 0, l1: Int32 = 0, l2: Int32 = 0, l3: Int32 = 0
        var h0: Int32 = 0, h1: Int32 = 0, h2: Int32 = 0, h3: Int32 = 0
        for l in 0..<32 {
          let lo = Int32(chunk[l] & 0xF)
          let hi = Int32(chunk[l] >> 4)
          l0 &+= lo &* Int32(a0[l])
          l1 &+= lo &* Int32(a1[l])
          l2 &+= lo &* Int32(a2[l])
          l3 &+= lo &* Int32(a3[l])
          h0 &+= hi &* Int32(a0[l + 32])
          h1 &+= hi &* Int32(a1[l + 32])
          h2 &+= hi &* Int32(a2[l + 32])
          h3 &+= hi &* Int32(a3[l + 32])
        }
        let (sc0, m0) = scaleMin(scales, 2 * j)
        let (sc1, m1) = scaleMin(scales, 2 * j + 1)
        scaled.0 &+= sc0 &* l0 &+ sc1 &* h0
        scaled.1 &+= sc0 &* l1 &+ sc1 &* h1
        scaled.2 &+= sc0 &* l2 &+ sc1 &* h2
        scaled.3 &+= sc0 &* l3 &+ sc1 &* h3
        let sumsPerRow = columns / 16
        let bs = sums + 16 * b + 4 * j
        mins.0 &+= m0 &* (bs[0] &+ bs[1]) &+ m1 &* (bs[2] &+ bs[3])
        mins.1 &+= m0 &* (bs[sumsPerRow] &+ bs[sumsPerRow + 1]) &+ m1 &* (bs[sumsPerRow + 2] &+ bs[sumsPerRow + 3])
        let s2 = 2 * sumsPerRow
        mins.2 &+= m0 &* (bs[s2] &+ bs[s2 + 1]) &+ m1 &* (bs[s2 + 2] &+ bs[s2 + 3])
        let s3 = 3 * sumsPerRow
        mins.3 &+= m0 &* (bs[s3] &+ bs[s3 + 1]) &+ m1 &* (bs[s3 + 2] &+ bs[s3 + 3])
      }
      let dw = loadHalf(block)
      let dm = loadHalf(block, 2)
      let sb = columns / 256
      let ds = d + b
      r.0 += ds[0] * (dw * Float(scaled.0) - dm * Float(mins.0))
      r.1 += ds[sb] * (dw * Float(scaled.1) - dm * Float(mins.1))
      r.2 += ds[2 * sb] * (dw * Float(scaled.2) - dm * Float(mins.2))
      r.3 += ds[3 * sb] * (dw * Float(scaled.3) - dm * Float(mins.3))
    }
    out[0] = r.0
    out[stride] = r.1
    out[2 * stride] = r.2
    out[3 * stride] = r.3
  }
}
