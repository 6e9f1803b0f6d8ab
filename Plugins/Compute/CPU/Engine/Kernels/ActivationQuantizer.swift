/// Quantizes activation rows to 8 bits the way llama.cpp does before its integer dot products:
/// Q8_0 (a half-precision scale per 32 values) for Q4_0 / Q5_0 / Q8_0 weights, and Q8_K (a float scale and
/// 16-value sums per 256 values) for the K-quants. Values and scales live in separate planes.
enum ActivationQuantizer {
  /// Q8_0: `d[b] = fp16(amax / 127)`, `q = round-half-even(x * 127 / amax)`.
  @inline(__always)
  static func quantizeQ8_0(
    _ x: UnsafePointer<Float>, count: Int, values q: UnsafeMutablePointer<Int8>, scales d: UnsafeMutablePointer<Float>
  ) {
    for b in 0..<count / 32 {
      let xb = x + 32 * b
      var amax: Float = 0
      for i in 0..<32 { amax = max(amax, abs(xb[i])) }
      d[b] = Float(Float16(amax / 127))
      let id: Float = amax != 0 ? 127 / amax : 0
      let qb = q + 32 * b
      for i in 0..<32 { qb[i] = Int8((xb[i] * id).rounded(.toNearestOrEven)) }
    }
  }

  /// Q8_K: `iscale = -127 / max` (max = the value of largest magnitude), `q = min(127, round(iscale * x))`,
  /// `d = 1 / iscale`, and `sums[g]` = the sum of each 16 values.
  @inline(__always)
  static func quantizeQ8_K(
    _ x: UnsafePointer<Float>, count: Int, values q: UnsafeMutablePointer<Int8>, scales d: UnsafeMutablePointer<Float>,
    sums: UnsafeMutablePointer<Int32>
  ) {
    for b in 0..<count / 256 {
      let xb = x + 256 * b
      let qb = q + 256 * b
      var amax: Float = 0
      var signedMax: Float = 0
      for i in 0..<256 {
        let ax = abs(xb[i])
        if ax > amax {
          amax = ax
          signedMax = xb[i]
        }
      }
      if amax == 0 {
        d[b] = 0
        for i in 0..<256 { qb[i] = 0 }
        for g in 0..<16 { sums[16 * b + g] = 0 }
        continue
      }
      let iscale = -127 / signedMax
      for i in 0..<256 {
        let v = Int32((iscale * xb[i]).rounded(.toNearestOrEven))
        qb[i] = Int8(min(127, v))
      }
      for g in 0..<16 {
        var s: Int32 = 0
        for i in 0..<16 { s &+= Int32(qb[16 * g + i]) }
        sums[16 * b + g] = s
      }
      d[b] = 1 / iscale
    }
  }
}
