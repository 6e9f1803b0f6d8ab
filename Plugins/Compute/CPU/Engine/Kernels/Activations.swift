import CocoonInference

/// How activations must be prepared for a weight type's dot product (llama.cpp's `vec_dot_type`).
enum ActivationFormat {
  case f32, f16, q8_0, q8_K

  init(weights: GGMLType) {
    switch weights {
    case .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q8_1: self = .q8_0
    case .q2_K, .q3_K, .q4_K, .q5_K, .q6_K, .q8_K: self = .q8_K
    case .f16: self = .f16
    case .f32, .bf16: self = .f32
    }
  }
}

/// Activation rows in the form a dot-product kernel reads: 8-bit values with their scales and 16-value sums,
/// or floats. Row `t` of `T` rows starts at `t * columns` (values), `t * columns / 32 or 256` (scales).
struct PreparedActivations {
  let format: ActivationFormat
  let columns: Int
  let values: UnsafePointer<Int8>
  let scales: UnsafePointer<Float>
  let sums: UnsafePointer<Int32>
  let floats: UnsafePointer<Float>
}

/// Reusable buffers for preparing activations; one per inference session.
final class ActivationBuffer {
  private(set) var capacity = 0
  private var values = UnsafeMutablePointer<Int8>.allocate(capacity: 0)
  private var scales = UnsafeMutablePointer<Float>.allocate(capacity: 0)
  private var sums = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
  private var floats = UnsafeMutablePointer<Float>.allocate(capacity: 0)

  deinit { release() }

  private func release() {
    values.deallocate()
    scales.deallocate()
    sums.deallocate()
    floats.deallocate()
  }

  private func reserve(_ count: Int) {
    guard count > capacity else { return }
    release()
    capacity = count
    values = .allocate(capacity: count)
    scales = .allocate(capacity: count / 32 + 1)
    sums = .allocate(capacity: count / 16 + 1)
    floats = .allocate(capacity: count)
  }

  /// Prepares `rows` rows of `columns` values from `x` (row stride `columns`).
  func prepare(
    _ x: UnsafePointer<Float>, rows: Int, columns: Int, format: ActivationFormat, pool: ThreadPool
  ) -> PreparedActivations {
    reserve(rows * columns)
    let (values, scales, sums, floats) = (self.values, self.scales, self.sums, self.floats)
    var source = x
    switch format {
    case .f32: break
    case .f16:
      for i in 0..<rows * columns { floats[i] = roundToHalf(x[i]) }
      source = UnsafePointer(floats)
    case .q8_0:
      pool.parallelFor(rows) { range in
        for t in range {
          ActivationQuantizer.quantizeQ8_0(
            x + t * columns, count: columns, values: values + t * columns, scales: scales + t * columns / 32)
        }
      }
    case .q8_K:
      pool.parallelFor(rows) { range in
        for t in range {
          ActivationQuantizer.quantizeQ8_K(
            x + t * columns, count: columns, values: values + t * columns, scales: scales + t * columns / 256,
            sums: sums + t * columns / 16)
        }
      }
    }
    return PreparedActivations(
      format: format, columns: columns, values: values, scales: scales, sums: sums, floats: source)
  }
}
