/// The K-quant dot products (256-value super-blocks) against Q8_K activations.
extension BlockDot {
  /// Unpacks the 6-bit scale and min of sub-block `j` of a Q4_K / Q5_K block.
  @inline(__always)
  static func scaleMin(_ s: UnsafePointer<UInt8>, _ j: Int) -> (Int32, Int32) {
    if j < 4 { return (Int32(s[j] & 63), Int32(s[j + 4] & 63)) }
    return (
      Int32((s[j + 4] & 0xF) | ((s[j - 4] >> 6) << 4)),
      Int32((s[j + 4] >> 4) | ((s[j] >> 6) << 4))
    )
  }

  /// Q4_K (144-byte blocks: fp16 d, fp16 dmin, 12 scale bytes, 128 bytes of nibbles), in the float order of
  /// llama.cpp's repacked one-row kernel: a fused multiply-add per block for the scaled sums and for the mins.
  @inline(__always)
  static func q4_K(
    _ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, _ sums: UnsafePointer<Int32>,
    blocks: Int
  ) -> Float {
    var acc: Float = 0
    var accMin: Float = 0
    for b in 0..<blocks {
      let block = w + 144 * b
      let scales = (block + 4).assumingMemoryBound(to: UInt8.self)
      let qs = (block + 16).assumingMemoryBound(to: UInt8.self)
      let aq = q + 256 * b
      let bs = sums + 16 * b
      var scaled: Int32 = 0
      var mins: Int32 = 0
      for j in 0..<4 {
        let chunk = qs + 32 * j
        let a = aq + 64 * j
        var lo: Int32 = 0
        var hi: Int32 = 0
        for l in 0..<32 {
          lo &+= Int32(chunk[l] & 0xF) &* Int32(a[l])
          hi &+= Int32(chunk[l] >> 4) &* Int32(a[l + 32])
        }
        let (sc0, m0) = scaleMin(scales, 2 * j)
        let (sc1, m1) = scaleMin(scales, 2 * j + 1)
        scaled &+= sc0 &* lo &+ sc1 &* hi
        mins &+= m0 &* (bs[4 * j] &+ bs[4 * j + 1]) &+ m1 &* (bs[4 * j + 2] &+ bs[4 * j + 3])
      }
      acc = acc.addingProduct(Float(scaled), loadHalf(block) * d[b])
      accMin = accMin.addingProduct(Float(mins), loadHalf(block, 2) * d[b])
    }
    return acc - accMin
  }

  /// Q5_K (176-byte blocks: fp16 d, fp16 dmin, 12 scale bytes, 32 high-bit bytes, 128 bytes of nibbles).
  @inline(__always)
  static func q5_K(
    _ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, _ sums: UnsafePointer<Int32>,
    blocks: Int
  ) -> Float {
    var sum: Float = 0
    for b in 0..<blocks {
      let block = w + 176 * b
      let scales = (block + 4).assumingMemoryBound(to: UInt8.self)
      let qh = (block + 16).assumingMemoryBound(to: UInt8.self)
      let qs = (block + 48).assumingMemoryBound(to: UInt8.self)
      let aq = q + 256 * b
      let bs = sums + 16 * b
      var scaled: Int32 = 0
      var mins: Int32 = 0
      for j in 0..<4 {
        let chunk = qs + 32 * j
        let a = aq + 64 * j
        let shiftLo = UInt8(2 * j)
        var lo: Int32 = 0
        var hi: Int32 = 0
        for l in 0..<32 {
          let h = qh[l] >> shiftLo
          lo &+= Int32((chunk[l] & 0xF) | ((h & 1) << 4)) &* Int32(a[l])
          hi &+= Int32((chunk[l] >> 4) | ((h & 2) << 3)) &* Int32(a[l + 32])
        }
        let (sc0, m0) = scaleMin(scales, 2 * j)
        let (sc1, m1) = scaleMin(scales, 2 * j + 1)
        scaled &+= sc0 &* lo &+ sc1 &* hi
        mins &+= m0 &* (bs[4 * j] &+ bs[4 * j + 1]) &+ m1 &* (bs[4 * j + 2] &+ bs[4 * j + 3])
      }
      sum += d[b] * (loadHalf(block) * Float(scaled) - loadHalf(block, 2) * Float(mins))
    }
    return sum
  }

  /// Q6_K (210-byte blocks: 128 bytes low nibbles, 64 bytes high bits, 16 int8 scales, fp16 d).
  @inline(__always)
  static func q6_K(_ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, blocks: Int) -> Float {
    var sum: Float = 0
    for b in 0..<blocks {
      let block = w + 210 * b
      let scales = (block + 192).assumingMemoryBound(to: Int8.self)
      var total: Int32 = 0
      for n in 0..<2 {
        let ql = (block + 64 * n).assumingMemoryBound(to: UInt8.self)
        let qh = (block + 128 + 32 * n).assumingMemoryBound(to: UInt8.self)
        let sc = scales + 8 * n
        let a = q + 256 * b + 128 * n
        for half in 0..<2 {
          var s1: Int32 = 0
          var s2: Int32 = 0
          var s3: Int32 = 0
          var s4: Int32 = 0
          for k in 0..<16 {
            let l = 16 * half + k
            let h = qh[l]
            s1 &+= (Int32((ql[l] & 0xF) | ((h & 3) << 4)) &- 32) &* Int32(a[l])
            s2 &+= (Int32((ql[l + 32] & 0xF) | (((h >> 2) & 3) << 4)) &- 32) &* Int32(a[l + 32])
            s3 &+= (Int32((ql[l] >> 4) | (((h >> 4) & 3) << 4)) &- 32) &* Int32(a[l + 64])
            s4 &+= (Int32((ql[l + 32] >> 4) | (((h >> 6) & 3) << 4)) &- 32) &* Int32(a[l + 96])
          }
          total &+= Int32(sc[half]) &* s1 &+ Int32(sc[half + 2]) &* s2 &+ Int32(sc[half + 4]) &* s3
            &+ Int32(sc[half + 6]) &* s4
        }
      }
      sum += loadHalf(block, 208) * d[b] * Float(total)
    }
    return sum
  }
}
