public import CocoonInference

/// A weight matrix inside the mapped model: `rows` rows of `columns` values, each row `rowBytes` long.
public struct WeightMatrix: @unchecked Sendable {
  public let type: GGMLType
  public let rows: Int
  public let columns: Int
  let data: UnsafeRawPointer
  let rowBytes: Int

  init(type: GGMLType, rows: Int, columns: Int, data: UnsafeRawPointer) {
    self.type = type
    self.rows = rows
    self.columns = columns
    self.data = data
    self.rowBytes = type.rowBytes(columns)
  }

  /// Row `r` as floats (embedding look-up).
  func dequantizeRow(_ r: Int, into dst: UnsafeMutablePointer<Float>) {
    Dequantize.row(type, data + r * rowBytes, count: columns, into: dst)
  }

  /// `out[t][r] = Σ_c W[r][c] · x[t][c]` for `tokens` rows of `x`; `out` has row stride `rows`.
  func multiply(
    _ x: UnsafePointer<Float>, tokens: Int, into out: UnsafeMutablePointer<Float>, buffer: ActivationBuffer,
    pool: ThreadPool
  ) {
    let a = buffer.prepare(x, rows: tokens, columns: columns, format: ActivationFormat(weights: type), pool: pool)
    switch type {
    case .f32: run(F32Kernel.self, a, tokens, out, pool)
    case .f16: run(F16Kernel.self, a, tokens, out, pool)
    case .q8_0: run(Q8_0Kernel.self, a, tokens, out, pool)
    case .q4_0: run(Q4_0Kernel.self, a, tokens, out, pool)
    case .q5_0: run(Q5_0Kernel.self, a, tokens, out, pool)
    case .q4_K: run(Q4_KKernel.self, a, tokens, out, pool)
    case .q5_K: run(Q5_KKernel.self, a, tokens, out, pool)
    // llama.cpp multiplies Q6_K by eight or more tokens in another summation order (its tiled matmul).
    case .q6_K: tokens >= 8 ? run(Q6_KBatchKernel.self, a, tokens, out, pool) : run(Q6_KKernel.self, a, tokens, out, pool)
    default: preconditionFailure("unsupported weight type \(type) reached the kernels")
    }
  }

  private func run<K: RowKernel>(
    _: K.Type, _ a: PreparedActivations, _ tokens: Int, _ out: UnsafeMutablePointer<Float>, _ pool: ThreadPool
  ) {
    let (data, rowBytes, rows) = (self.data, self.rowBytes, self.rows)
    if tokens == 1 {
      pool.parallelFor(rows) { range in
        var r = range.lowerBound
        while r + 4 <= range.upperBound {
          K.rows4(data + r * rowBytes, rowBytes: rowBytes, a, out: out + r)
          r += 4
        }
        while r < range.upperBound {
          out[r] = K.dot(data + r * rowBytes, a, token: 0)
          r += 1
        }
      }
      return
    }
    // Rows in tiles so a tile of weights stays in cache while every token passes over it.
    let tile = 16
    let tiles = (rows + tile - 1) / tile
    pool.parallelFor(tiles) { range in
      for tileIndex in range {
        let start = tileIndex * tile
        let end = min(rows, start + tile)
        var t = 0
        while t + 4 <= tokens {
          for r in start..<end { K.dot4(data + r * rowBytes, a, token: t, out: out + t * rows + r, stride: rows) }
          t += 4
        }
        while t < tokens {
          for r in start..<end { out[t * rows + r] = K.dot(data + r * rowBytes, a, token: t) }
          t += 1
        }
      }
    }
  }
}
