import CocoonCPUKernels

/// Whether the AVX2 kernels of `CocoonCPUKernels` run on this CPU (else the Swift ones do).
let avx2Kernels = cocoon_kernels_avx2() != 0

/// One weight row · one prepared activation row, per weight type (specialised at compile time).
protocol RowKernel {
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float
  /// Tokens `t…t+3` into `out[0]`, `out[stride]`, …; by default four single dots.
  static func dot4(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int, out: UnsafeMutablePointer<Float>, stride: Int)
  /// Token 0 against rows `w`, `w + rowBytes`, … (four) into `out[0…3]`; by default four single dots.
  static func rows4(_ w: UnsafeRawPointer, rowBytes: Int, _ a: PreparedActivations, out: UnsafeMutablePointer<Float>)
}

extension RowKernel {
  @inline(__always)
  static func dot4(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int, out: UnsafeMutablePointer<Float>, stride: Int) {
    for k in 0..<4 { out[k * stride] = dot(w, a, token: t + k) }
  }

  @inline(__always)
  static func rows4(_ w: UnsafeRawPointer, rowBytes: Int, _ a: PreparedActivations, out: UnsafeMutablePointer<Float>) {
    for k in 0..<4 { out[k] = dot(w + k * rowBytes, a, token: 0) }
  }
}

struct F32Kernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    BlockDot.f32(w, a.floats + t * a.columns, count: a.columns)
  }
}

struct F16Kernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    BlockDot.f16(w, a.floats + t * a.columns, count: a.columns)
  }
}

struct Q8_0Kernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    let (q, d, n) = (a.values + t * a.columns, a.scales + t * a.columns / 32, a.columns / 32)
    return avx2Kernels ? cocoon_dot_q8_0(w, q, d, Int32(n)) : BlockDot.q8_0(w, q, d, blocks: n)
  }

  @inline(__always)
  static func dot4(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int, out: UnsafeMutablePointer<Float>, stride: Int) {
    let (q, d) = (a.values + t * a.columns, a.scales + t * a.columns / 32)
    if avx2Kernels { return cocoon_dot4_q8_0(w, q, d, Int32(a.columns), out, stride) }
    BlockDot.q8_0x4(w, q, d, columns: a.columns, out: out, stride: stride)
  }

  @inline(__always)
  static func rows4(_ w: UnsafeRawPointer, rowBytes: Int, _ a: PreparedActivations, out: UnsafeMutablePointer<Float>) {
    if avx2Kernels { return cocoon_dot_q8_0_rows4(w, rowBytes, a.values, a.scales, Int32(a.columns / 32), out) }
    for k in 0..<4 { out[k] = dot(w + k * rowBytes, a, token: 0) }
  }
}

struct Q4_0Kernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    let (q, d, n) = (a.values + t * a.columns, a.scales + t * a.columns / 32, a.columns / 32)
    return avx2Kernels ? cocoon_dot_q4_0(w, q, d, Int32(n)) : BlockDot.q4_0(w, q, d, blocks: n)
  }
}

struct Q5_0Kernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    let (q, d, n) = (a.values + t * a.columns, a.scales + t * a.columns / 32, a.columns / 32)
    return avx2Kernels ? cocoon_dot_q5_0(w, q, d, Int32(n)) : BlockDot.q5_0(w, q, d, blocks: n)
  }

  @inline(__always)
  static func dot4(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int, out: UnsafeMutablePointer<Float>, stride: Int) {
    let (q, d) = (a.values + t * a.columns, a.scales + t * a.columns / 32)
    if avx2Kernels { return cocoon_dot4_q5_0(w, q, d, Int32(a.columns), out, stride) }
    BlockDot.q5_0x4(w, q, d, columns: a.columns, out: out, stride: stride)
  }

  @inline(__always)
  static func rows4(_ w: UnsafeRawPointer, rowBytes: Int, _ a: PreparedActivations, out: UnsafeMutablePointer<Float>) {
    if avx2Kernels { return cocoon_dot_q5_0_rows4(w, rowBytes, a.values, a.scales, Int32(a.columns / 32), out) }
    for k in 0..<4 { out[k] = dot(w + k * rowBytes, a, token: 0) }
  }
}

struct Q4_KKernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    let (q, d, n) = (a.values + t * a.columns, a.scales + t * a.columns / 256, a.columns / 256)
    let sums = a.sums + t * a.columns / 16
    return avx2Kernels ? cocoon_dot_q4_K(w, q, d, sums, Int32(n)) : BlockDot.q4_K(w, q, d, sums, blocks: n)
  }

  @inline(__always)
  static func dot4(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int, out: UnsafeMutablePointer<Float>, stride: Int) {
    let (q, d, sums) = (a.values + t * a.columns, a.scales + t * a.columns / 256, a.sums + t * a.columns / 16)
    if avx2Kernels { return cocoon_dot4_q4_K(w, q, d, sums, Int32(a.columns), out, stride) }
    BlockDot.q4_Kx4(w, q, d, sums, columns: a.columns, out: out, stride: stride)
  }
}

struct Q5_KKernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    BlockDot.q5_K(
      w, a.values + t * a.columns, a.scales + t * a.columns / 256, a.sums + t * a.columns / 16,
      blocks: a.columns / 256)
  }
}

struct Q6_KKernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    let (q, d, n) = (a.values + t * a.columns, a.scales + t * a.columns / 256, a.columns / 256)
    let sums = a.sums + t * a.columns / 16
    return avx2Kernels ? cocoon_dot_q6_K(w, q, d, sums, Int32(n)) : BlockDot.q6_K(w, q, d, blocks: n)
  }

  @inline(__always)
  static func dot4(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int, out: UnsafeMutablePointer<Float>, stride: Int) {
    let (q, d, sums) = (a.values + t * a.columns, a.scales + t * a.columns / 256, a.sums + t * a.columns / 16)
    if avx2Kernels { return cocoon_dot4_q6_K(w, q, d, sums, Int32(a.columns), out, stride) }
    for k in 0..<4 { out[k * stride] = BlockDot.q6_K(w, q + k * a.columns, d + k * a.columns / 256, blocks: a.columns / 256) }
  }
}

/// Q6_K for products of eight or more tokens, in the order of llama.cpp's tiled matmul.
struct Q6_KBatchKernel: RowKernel {
  @inline(__always)
  static func dot(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int) -> Float {
    let (q, d, n) = (a.values + t * a.columns, a.scales + t * a.columns / 256, a.columns / 256)
    let sums = a.sums + t * a.columns / 16
    return avx2Kernels ? cocoon_dot_q6_K_tiled(w, q, d, sums, Int32(n)) : BlockDot.q6_K(w, q, d, blocks: n)
  }

  @inline(__always)
  static func dot4(_ w: UnsafeRawPointer, _ a: PreparedActivations, token t: Int, out: UnsafeMutablePointer<Float>, stride: Int) {
    let (q, d, sums) = (a.values + t * a.columns, a.scales + t * a.columns / 256, a.sums + t * a.columns / 16)
    if avx2Kernels { return cocoon_dot4_q6_K_tiled(w, q, d, sums, Int32(a.columns), out, stride) }
    for k in 0..<4 { out[k * stride] = dot(w, a, token: t + k) }
  }
}
