import CocoonCore

/// One tensor of a GGUF file: its shape, type and bytes inside the mapping.
public struct GGUFTensor: Sendable {
  public let name: String
  /// Dimensions, innermost (contiguous) first, as GGUF stores them.
  public let dimensions: [Int]
  public let type: GGMLType
  /// Offset of the first byte from the start of the file.
  public let fileOffset: Int
  public let byteCount: Int
  /// Number of values.
  public var elementCount: Int { dimensions.reduce(1, *) }
}

/// A parsed GGUF v2/v3 file over a memory mapping: metadata and tensor directory, no weight copies.
public struct GGUFFile: Sendable {
  public let file: MappedFile
  public let version: UInt32
  public let metadata: [String: GGUFValue]
  public let tensors: [String: GGUFTensor]
  /// Tensor names in file order.
  public let tensorNames: [String]
  public let alignment: Int

  /// Maps and parses `path`.
  /// - Throws: ``CocoonError`` (`cpu.malformedModel`, `cpu.unsupportedModel`, `core.io`) naming what is wrong.
  public init(path: String) throws {
    try self.init(file: MappedFile(path: path))
  }

  public init(file: MappedFile) throws {
    self.file = file
    var c = GGUFCursor(bytes: file.bytes, path: file.path)
    guard file.count >= 4 else {
      throw c.error("the file has \(file.count) bytes, too short for a GGUF header")
    }
    let magic = try c.read(UInt32.self, "magic")
    guard magic == 0x4655_4747 else {  // "GGUF"
      throw CocoonError(
        .malformedModel,
        "model file \(file.path) is not a GGUF file: magic is 0x\(String(magic, radix: 16)), expected \"GGUF\"")
    }
    version = try c.read(UInt32.self, "version")
    guard version == 2 || version == 3 else {
      throw CocoonError(.unsupportedModel, "model file \(file.path) is GGUF version \(version); accepted: 2, 3")
    }
    let tensorCount = try c.readCount("tensor count", limit: file.count / 8)
    let kvCount = try c.readCount("metadata count", limit: file.count / 8)
    var metadata: [String: GGUFValue] = [:]
    for index in 0..<kvCount {
      let key = try c.readString("metadata key \(index)")
      metadata[key] = try c.readValue(key: key)
    }
    let alignment = metadata["general.alignment"]?.intValue ?? 32
    guard alignment > 0, alignment & (alignment - 1) == 0 else {
      throw c.error("general.alignment is \(alignment); it must be a power of two")
    }
    var infos: [(String, [Int], GGMLType, Int)] = []
    for index in 0..<tensorCount {
      let name = try c.readString("tensor \(index) name")
      let rank = Int(try c.read(UInt32.self, "rank of tensor \(name)"))
      guard (1...4).contains(rank) else { throw c.error("tensor \(name) has \(rank) dimensions; accepted: 1 to 4") }
      var dims: [Int] = []
      for _ in 0..<rank { dims.append(try c.readCount("dimension of tensor \(name)", limit: Int(Int32.max))) }
      let rawType = try c.read(UInt32.self, "type of tensor \(name)")
      guard let type = GGMLType(rawValue: rawType) else {
        throw CocoonError(
          .unsupportedModel,
          "model file \(file.path): tensor \(name) has unknown type \(rawType); supported: \(GGMLType.supportedNames)")
      }
      let offset = try c.readCount("offset of tensor \(name)", limit: file.count)
      infos.append((name, dims, type, offset))
    }
    let dataStart = (c.offset + alignment - 1) / alignment * alignment
    var tensors: [String: GGUFTensor] = [:]
    var names: [String] = []
    for (name, dims, type, offset) in infos {
      guard dims[0] % type.blockSize == 0 else {
        throw c.error("tensor \(name) has \(dims[0]) values per row, not a multiple of \(type)'s block of \(type.blockSize)")
      }
      guard offset % alignment == 0 else {
        throw c.error("tensor \(name) starts at data offset \(offset), not a multiple of the alignment \(alignment)")
      }
      let elements = dims.reduce(1, *)
      let bytes = elements / type.blockSize * type.blockBytes
      guard dataStart + offset + bytes <= file.count else {
        throw CocoonError(
          .malformedModel,
          "model file \(file.path) is malformed: tensor \(name) (\(bytes) bytes at \(dataStart + offset)) "
            + "extends past the end of the file (\(file.count) bytes); the file may be truncated")
      }
      guard tensors[name] == nil else { throw c.error("tensor \(name) appears twice") }
      tensors[name] = GGUFTensor(
        name: name, dimensions: dims, type: type, fileOffset: dataStart + offset, byteCount: bytes)
      names.append(name)
    }
    self.metadata = metadata
    self.tensors = tensors
    self.tensorNames = names
    self.alignment = alignment
  }

  /// The bytes of a tensor.
  public func data(of tensor: GGUFTensor) -> UnsafeRawPointer {
    file.base!.advanced(by: tensor.fileOffset)
  }

  /// A tensor that must exist.
  /// - Throws: ``CocoonError`` `cpu.malformedModel` naming the missing tensor.
  public func tensor(_ name: String) throws -> GGUFTensor {
    guard let t = tensors[name] else {
      throw CocoonError(.malformedModel, "model file \(file.path) has no tensor \(name)")
    }
    return t
  }
}
