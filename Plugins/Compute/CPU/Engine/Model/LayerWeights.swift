import CocoonInference
import CocoonCore

/// The weights of one transformer block.
struct LayerWeights: @unchecked Sendable {
  var attentionNorm: UnsafePointer<Float>
  var wq, wk, wv, wo: WeightMatrix
  var bq, bk, bv: UnsafePointer<Float>?
  var qNorm, kNorm: UnsafePointer<Float>?
  var postAttentionNorm: UnsafePointer<Float>?
  var ffnNorm: UnsafePointer<Float>
  var gate, up, down: WeightMatrix
  var postFFNNorm: UnsafePointer<Float>?
}

/// Finds tensors by name and checks their shape and type before the kernels see them.
struct TensorLoader {
  let file: GGUFFile

  func matrix(_ name: String, columns: Int, rows: Int) throws -> WeightMatrix {
    let t = try file.tensor(name)
    guard t.type.isSupported else {
      throw CocoonError(
        .unsupportedModel,
        "model file \(file.file.path): tensor \(name) has type \(t.type); supported: \(GGMLType.supportedNames)")
    }
    guard t.dimensions.count == 2, t.dimensions[0] == columns, t.dimensions[1] == rows else {
      throw CocoonError(
        .malformedModel,
        "model file \(file.file.path): tensor \(name) has shape \(t.dimensions), expected [\(columns), \(rows)]")
    }
    return WeightMatrix(type: t.type, rows: rows, columns: columns, data: file.data(of: t))
  }

  func vector(_ name: String, count: Int) throws -> UnsafePointer<Float> {
    let t = try file.tensor(name)
    guard t.type == .f32, t.elementCount == count else {
      throw CocoonError(
        .malformedModel,
        "model file \(file.file.path): tensor \(name) is \(t.type) \(t.dimensions), expected F32 [\(count)]")
    }
    return file.data(of: t).assumingMemoryBound(to: Float.self)
  }

  func optionalVector(_ name: String, count: Int) throws -> UnsafePointer<Float>? {
    file.tensors[name] == nil ? nil : try vector(name, count: count)
  }

  func layer(_ i: Int, _ c: ModelConfig) throws -> LayerWeights {
    let p = "blk.\(i)."
    let qDim = c.heads * c.headDim
    let kvDim = c.kvHeads * c.headDim
    let gemma = c.architecture == .gemma3
    return LayerWeights(
      attentionNorm: try vector(p + "attn_norm.weight", count: c.embedding),
      wq: try matrix(p + "attn_q.weight", columns: c.embedding, rows: qDim),
      wk: try matrix(p + "attn_k.weight", columns: c.embedding, rows: kvDim),
      wv: try matrix(p + "attn_v.weight", columns: c.embedding, rows: kvDim),
      wo: try matrix(p + "attn_output.weight", columns: qDim, rows: c.embedding),
      bq: try optionalVector(p + "attn_q.bias", count: qDim),
      bk: try optionalVector(p + "attn_k.bias", count: kvDim),
      bv: try optionalVector(p + "attn_v.bias", count: kvDim),
      qNorm: gemma ? try vector(p + "attn_q_norm.weight", count: c.headDim) : nil,
      kNorm: gemma ? try vector(p + "attn_k_norm.weight", count: c.headDim) : nil,
      postAttentionNorm: gemma ? try vector(p + "post_attention_norm.weight", count: c.embedding) : nil,
      ffnNorm: try vector(p + "ffn_norm.weight", count: c.embedding),
      gate: try matrix(p + "ffn_gate.weight", columns: c.embedding, rows: c.feedForward),
      up: try matrix(p + "ffn_up.weight", columns: c.embedding, rows: c.feedForward),
      down: try matrix(p + "ffn_down.weight", columns: c.feedForward, rows: c.embedding),
      postFFNNorm: gemma ? try vector(p + "post_ffw_norm.weight", count: c.embedding) : nil)
  }
}
