import CocoonCPUKernels
import Foundation

/// Element-wise and row operations of the forward pass, in llama.cpp's order of float operations.
enum Ops {
  /// `y = (x / rms(x)) * w` with the sum of squares in `Double`.
  @inline(__always)
  static func rmsNorm(
    _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int,
    eps: Float
  ) {
    var sum: Double = 0
    for i in 0..<count { sum += Double(x[i] * x[i]) }
    let scale = 1 / (Float(sum / Double(count)) + eps).squareRoot()
    for i in 0..<count { y[i] = (x[i] * scale) * w[i] }
  }

  /// RoPE angles for one position: `cos[i]`, `sin[i]` for pair `i`, the angle multiplied step by step as ggml does.
  static func ropeAngles(
    position: Int, dims: Int, base: Float, factors: UnsafePointer<Float>?, cos c: UnsafeMutablePointer<Float>,
    sin s: UnsafeMutablePointer<Float>
  ) {
    let thetaScale = powf(base, -2 / Float(dims))
    var theta = Float(position)
    for i in 0..<dims / 2 {
      let t = factors.map { theta / $0[i] } ?? theta
      c[i] = cosf(t)
      s[i] = sinf(t)
      theta *= thetaScale
    }
  }

  /// Rotates one head in place: NeoX style pairs `(i, i + dims/2)`, or adjacent pairs `(2i, 2i+1)`; with the
  /// fused multiply-adds of llama.cpp's build (`x0·cos − x1·sin` as fma(x0, cos, −x1·sin), `x0·sin + x1·cos` as
  /// fma(x0, sin, x1·cos)).
  @inline(__always)
  static func rope(
    _ x: UnsafeMutablePointer<Float>, dims: Int, neox: Bool, cos c: UnsafePointer<Float>, sin s: UnsafePointer<Float>
  ) {
    let half = dims / 2
    for i in 0..<half {
      let (a, b) = neox ? (i, i + half) : (2 * i, 2 * i + 1)
      let x0 = x[a]
      let x1 = x[b]
      x[a] = (-(x1 * s[i])).addingProduct(x0, c[i])
      x[b] = (x1 * c[i]).addingProduct(x0, s[i])
    }
  }

  /// GELU (tanh form) as llama.cpp evaluates it: through half precision, `fp16(gelu(fp16(x)))`, from a table
  /// over all 65,536 half-precision inputs.
  @inline(__always)
  static func gelu(_ x: Float) -> Float {
    if x <= -10 { return 0 }
    if x >= 10 { return x }
    return geluTable[Int(Float16(x).bitPattern)]
  }

  /// The GELU of a half-precision input, rounded to half precision, with llama.cpp's one fused multiply-add
  /// (`1 + 0.044715·h·h` as fma(0.044715·h, h, 1)).
  static func exactGelu(_ h: Float) -> Float {
    let inner = Float(1).addingProduct(0.044715 * h, h)
    return roundToHalf(0.5 * h * (1 + tanhf(0.797_884_560_802_865_355_879_892_119_868_763_736_95 * h * inner)))
  }

  static let geluTable: [Float] = (0..<65536).map { exactGelu(Float(Float16(bitPattern: UInt16($0)))) }

  /// `gate[i] = act(gate[i]) * up[i]` for GELU (Gemma) or SiLU (Llama, Qwen), over rows of `row` values. SiLU as
  /// ggml's AVX-512 build: `x / (1 + exp(-x))` with its vector exp for each full 16 values of a row, `expf` after.
  static func gatedActivation(
    _ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count: Int, row: Int, gelu useGelu: Bool
  ) {
    if useGelu {
      for i in 0..<count { gate[i] = gelu(gate[i]) * up[i] }
      return
    }
    for start in stride(from: 0, to: count, by: row) {
      let vectorEnd = start + row - row % 16
      for i in start..<start + row {
        let g = gate[i]
        let e = i < vectorEnd ? cocoon_vector_expf(0 - g) : expf(-g)
        gate[i] = g / (1 + e) * up[i]
      }
    }
  }
}
