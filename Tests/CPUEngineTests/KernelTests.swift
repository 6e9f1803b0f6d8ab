@testable import CocoonInference
@testable import CocoonCPUEngine
import Testing

/// Each quantized dot product against a plain float reference: dequantized weights · dequantized activations.
@Suite("Kernels")
struct KernelTests {
  static let types: [GGMLType] = [.f32, .f16, .q8_0, .q4_0, .q5_0, .q4_K, .q5_K, .q6_K]

  /// Random, well-formed blocks: random bytes with a small half-precision scale where the format has one.
  static func randomRows(_ type: GGMLType, rows: Int, columns: Int, rng: inout SplitMix64) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: rows * type.rowBytes(columns))
    for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
    func setHalf(_ at: Int, _ v: Float) {
      let bits = Float16(v).bitPattern
      bytes[at] = UInt8(bits & 0xFF)
      bytes[at + 1] = UInt8(bits >> 8)
    }
    let blocks = bytes.count / type.blockBytes
    for b in 0..<blocks {
      let o = b * type.blockBytes
      let scale = Float(rng.next() % 1000 + 1) / 100_000
      switch type {
      case .f32:
        let v = Float(Int(rng.next() % 2001) - 1000) / 1000
        withUnsafeBytes(of: v) { for k in 0..<4 { bytes[o + k] = $0[k] } }
      case .f16: setHalf(o, Float(Int(rng.next() % 2001) - 1000) / 1000)
      case .q8_0, .q4_0, .q5_0: setHalf(o, scale)
      case .q4_K, .q5_K:
        setHalf(o, scale)
        setHalf(o + 2, scale / 2)
      case .q6_K: setHalf(o + 208, scale)
      default: break
      }
    }
    return bytes
  }

  @Test(arguments: types)
  func dotProductMatchesTheFloatReference(_ type: GGMLType) throws {
    var rng = SplitMix64(seed: 42 + UInt64(type.rawValue))
    let rows = 7
    let columns = 512
    let tokens = 6  // four at once (prefill kernels) plus two single
    let weights = Self.randomRows(type, rows: rows, columns: columns, rng: &rng)
    let x = (0..<tokens * columns).map { _ in Float(Int(rng.next() % 20001) - 10000) / 5000 }
    let pool = ThreadPool(threads: 2)
    let buffer = ActivationBuffer()
    var out = [Float](repeating: 0, count: tokens * rows)
    weights.withUnsafeBytes { w in
      let m = WeightMatrix(type: type, rows: rows, columns: columns, data: w.baseAddress!)
      x.withUnsafeBufferPointer { xp in
        out.withUnsafeMutableBufferPointer { m.multiply(xp.baseAddress!, tokens: tokens, into: $0.baseAddress!, buffer: buffer, pool: pool) }
      }
      for t in 0..<tokens {
        // The activations as the kernel sees them: quantized to Q8_0 / Q8_K, or rounded to F16.
        let a = buffer.prepare(
          x.withUnsafeBufferPointer { $0.baseAddress! } + t * columns, rows: 1, columns: columns,
          format: ActivationFormat(weights: type), pool: pool)
        var seen = [Float](repeating: 0, count: columns)
        for i in 0..<columns {
          switch a.format {
          case .f32, .f16: seen[i] = a.floats[i]
          case .q8_0: seen[i] = Float(a.values[i]) * a.scales[i / 32]
          case .q8_K: seen[i] = Float(a.values[i]) * a.scales[i / 256]
          }
        }
        var row = [Float](repeating: 0, count: columns)
        for r in 0..<rows {
          m.dequantizeRow(r, into: &row)
          var reference: Double = 0
          for i in 0..<columns { reference += Double(row[i]) * Double(seen[i]) }
          let got = Double(out[t * rows + r])
          #expect(abs(got - reference) <= 1e-4 * max(1, abs(reference)), "\(type) row \(r) token \(t)")
        }
      }
    }
  }

  @Test func q8_KQuantizationFollowsLlamaCpp() {
    // iscale = -127 / (value of largest magnitude), so that value maps to -127 whatever its sign.
    var x = [Float](repeating: 0.5, count: 256)
    x[3] = -2
    var q = [Int8](repeating: 0, count: 256)
    var d: Float = 0
    var sums = [Int32](repeating: 0, count: 16)
    ActivationQuantizer.quantizeQ8_K(x, count: 256, values: &q, scales: &d, sums: &sums)
    #expect(q[3] == -127)
    #expect(q[0] == 32)  // round(31.75)
    #expect(abs(d - 2.0 / 127) < 1e-7)
    #expect(sums[0] == -127 + 15 * 32)
  }
}
