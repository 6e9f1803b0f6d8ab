/// Dot products of one quantized weight row with one quantized activation row, in llama.cpp's integer form:
/// each block's integer sum is exact; scales are applied per block in `Float`.
enum BlockDot {
  /// Q8_0 weights (34-byte blocks: fp16 scale, 32 × int8) against Q8_0 activations.
  @inline(__always)
  static func q8_0(_ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, blocks: Int) -> Float {
    var sum: Float = 0
    for b in 0..<blocks {
      let block = w + 34 * b
      let wq = (block + 2).assumingMemoryBound(to: Int8.self)
      let aq = q + 32 * b
      var s: Int32 = 0
      for i in 0..<32 { s &+= Int32(wq[i]) &* Int32(aq[i]) }
      sum += loadHalf(block) * d[b] * Float(s)
    }
    return sum
  }

  /// Q4_0 weights (18-byte blocks: fp16 scale, 16 bytes of nibbles, value = nibble − 8).
  @inline(__always)
  static func q4_0(_ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, blocks: Int) -> Float {
    var sum: Float = 0
    for b in 0..<blocks {
      let block = w + 18 * b
      let qs = (block + 2).assumingMemoryBound(to: UInt8.self)
      let aq = q + 32 * b
      var s: Int32 = 0
      for i in 0..<16 {
        s &+= (Int32(qs[i] & 0xF) &- 8) &* Int32(aq[i])
        s &+= (Int32(qs[i] >> 4) &- 8) &* Int32(aq[i + 16])
      }
      sum += loadHalf(block) * d[b] * Float(s)
    }
    return sum
  }

  /// Q5_0 weights (22-byte blocks: fp16 scale, 32 high bits, 16 bytes of nibbles, value = 5 bits − 16).
  @inline(__always)
  static func q5_0(_ w: UnsafeRawPointer, _ q: UnsafePointer<Int8>, _ d: UnsafePointer<Float>, blocks: Int) -> Float {
    var sum: Float = 0
    for b in 0..<blocks {
      let block = w + 22 * b
      let qh = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 2, as: UInt32.self))
      let qs = (block + 6).assumingMemoryBound(to: UInt8.self)
      let aq = q + 32 * b
      var s: Int32 = 0
      for i in 0..<16 {
        let lo = Int32(qs[i] & 0xF) | Int32((qh >> UInt32(i)) & 1) << 4
        let hi = Int32(qs[i] >> 4) | Int32((qh >> UInt32(i + 16)) & 1) << 4
        s &+= (lo &- 16) &* Int32(aq[i])
        s &+= (hi &- 16) &* Int32(aq[i + 16])
      }
      sum += loadHalf(block) * d[b] * Float(s)
    }
    return sum
  }

  /// F32 weights against F32 activations.
  @inline(__always)
  static func f32(_ w: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int) -> Float {
    let wf = w.assumingMemoryBound(to: Float.self)
    var sum: Float = 0
    for i in 0..<count { sum += wf[i] * x[i] }
    return sum
  }

  /// F16 weights against activations already rounded to F16 (as llama.cpp converts them).
  @inline(__always)
  static func f16(_ w: UnsafeRawPointer, _ x: UnsafePointer<Float>, count: Int) -> Float {
    let wh = w.assumingMemoryBound(to: Float16.self)
    var sum: Float = 0
    for i in 0..<count { sum += Float(wh[i]) * x[i] }
    return sum
  }
}
